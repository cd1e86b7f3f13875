import { platformCrypto } from '@signet/core';
import type { RunReport, TestFailure } from './run-report.js';

/** A test body; it fails by throwing (or rejecting). */
export type TestBody = () => void | Promise<void>;

interface RegisteredTest {
  readonly file: string;
  readonly name: string;
  readonly body: TestBody;
}

// A guard against a hung promise, not a sleep: no test waits on real time, so a test that takes
// this long is stuck and is reported as failed instead of hanging the runtime.
const TEST_TIMEOUT_MS = 15_000;

const tests: RegisteredTest[] = [];
const files = new Map<string, number>();
let currentFile: string | undefined;

/** Registers a test of the suite file being defined. Only valid inside a {@link registerFile} call. */
export function test(name: string, body: TestBody): void {
  if (currentFile === undefined) throw new Error(`test("${name}") was called outside a suite's define function`);
  tests.push({ file: currentFile, name, body });
  files.set(currentFile, (files.get(currentFile) ?? 0) + 1);
}

/** Defines the tests of one suite file; called by the generated bundle entry, once per file. */
export function registerFile(file: string, define: () => void): void {
  if (typeof define !== 'function') throw new Error(`${file} must export default a define function`);
  currentFile = file;
  files.set(file, 0);
  try {
    define();
  } finally {
    currentFile = undefined;
  }
}

async function runOne(registered: RegisteredTest): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(registered.body), timeout]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every registered test, one after another, and reports. Never throws. */
export async function runTests(): Promise<RunReport> {
  const started = Date.now();
  const failures: TestFailure[] = [];
  for (const registered of tests) {
    const error = await runOne(registered);
    if (error !== undefined) failures.push({ file: registered.file, name: registered.name, error });
  }
  return {
    runtime: runtimeName(),
    crypto: cryptoImplementation(),
    passed: tests.length - failures.length,
    failed: failures.length,
    files: Object.fromEntries(files),
    failures,
    durationMs: Date.now() - started,
  };
}

/**
 * Which implementation the `#crypto` import resolved to in this bundle. `node:crypto` hands out
 * Node `Buffer`s (a Uint8Array subclass); Web Crypto plain `Uint8Array`s.
 */
export function cryptoImplementation(): RunReport['crypto'] {
  return platformCrypto.randomBytes(1).constructor === Uint8Array ? 'web-crypto' : 'node-crypto';
}

// Node 21+, Bun, Deno and browsers have navigator.userAgent; Node 20 has only process.version.
function runtimeName(): string {
  const global = globalThis as { navigator?: { userAgent?: string }; process?: { version?: string } };
  return global.navigator?.userAgent ?? `Node.js/${global.process?.version ?? 'unknown'}`;
}
