import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, arch, release } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Where and with what a run was made: printed at the top of docs/performance.md. */
export interface MachineInfo {
  readonly date: string;
  readonly cpuModel: string;
  readonly cores: number;
  /** 1, 5 and 15 minute load averages when the run started: how shared the machine was. */
  readonly loadAverage: readonly number[];
  readonly os: string;
  readonly node: string;
  /** Package name → version, Signet's and the peers', as installed for the bench. */
  readonly versions: Readonly<Record<string, string>>;
}

// What the bench runs: Signet's packages and every peer it is compared with.
const PACKAGES = ['@signet/core', '@signet/fetch', '@signet/axios', '@signet/node', '@signet/verifier', 'jose', 'oauth-1.0a', 'crypto-js', 'standardwebhooks', 'undici', 'axios', 'axios-auth-refresh', 'ky'];
// bench/node_modules, from bench/dist/cli.js.
const MODULES = new URL('../node_modules/', import.meta.url);

/** The machine, the runtime and the package versions, read now. */
export function readMachineInfo(): MachineInfo {
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      versions[name] = (JSON.parse(readFileSync(fileURLToPath(new URL(`${name}/package.json`, MODULES)), 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  const cpu = cpus();
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    versions,
  };
}
