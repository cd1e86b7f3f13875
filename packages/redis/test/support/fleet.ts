import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface, type Interface } from 'node:readline';
import type { BurstReply, FleetChildConfig, FleetCommand } from './fleet-child.js';

/** A replica process of the fleet, driven by JSON-line commands. */
export interface FleetProcess {
  readonly child: ChildProcess;
  burst(n: number): Promise<BurstReply>;
  awaitRedis(): Promise<{ ready: boolean }>;
  /** SIGKILL: the process dies wherever it is (holding a lock, mid-request). */
  kill(): Promise<void>;
}

const READY_DEADLINE_MS = 30_000;
// Whatever happens to the test run, no replica outlives it.
const alive = new Set<ChildProcess>();
process.once('exit', () => alive.forEach((child) => child.kill('SIGKILL')));

/** Starts one replica from the bundled fleet-child script and waits until it is connected to Redis. */
export async function startFleetProcess(script: string, config: FleetChildConfig): Promise<FleetProcess> {
  const child = spawn(process.execPath, [script, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  const lines = createInterface({ input: child.stdout! });
  const replies: Array<(line: string) => void> = [];
  lines.on('line', (line) => replies.shift()?.(line));
  const next = <T>(): Promise<T> => nextLine<T>(child, lines, replies);
  await withDeadline(next<{ ready: true }>(), READY_DEADLINE_MS, 'a fleet process did not connect to Redis in time');
  const ask = <T>(command: FleetCommand): Promise<T> => {
    const reply = next<T>();
    child.stdin!.write(`${JSON.stringify(command)}\n`);
    return reply;
  };
  return {
    child,
    burst: (n) => ask<BurstReply>({ cmd: 'burst', n }),
    awaitRedis: () => ask<{ ready: boolean }>({ cmd: 'await-redis' }),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function nextLine<T>(child: ChildProcess, _lines: Interface, replies: Array<(line: string) => void>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null): void => reject(new Error(`a fleet process exited (${signal ?? code}) before answering`));
    child.once('exit', onExit);
    replies.push((line) => {
      child.off('exit', onExit);
      const value = JSON.parse(line) as T & { failed?: string };
      if (value.failed !== undefined) reject(new Error(`a fleet process failed: ${value.failed}`));
      else resolve(value);
    });
  });
}

async function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
