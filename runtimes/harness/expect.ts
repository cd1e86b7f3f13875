import { deepEqual } from './deep-equal.js';

/** The assertions the portable suites use: a small, runtime-neutral subset of vitest's `expect`. */
export interface Expectation {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatch(pattern: RegExp): void;
  toHaveLength(length: number): void;
  toBeInstanceOf(type: abstract new (...args: never[]) => unknown): void;
  toBeUndefined(): void;
  /** Every own property of `expected` deep-equals the same property of the value. */
  toMatchObject(expected: Record<string, unknown>): void;
  readonly not: { toBe(expected: unknown): void; toEqual(expected: unknown): void };
}

/** Thrown by a failed assertion; the harness reports its message. */
export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
};

function check(pass: boolean, message: () => string): void {
  if (!pass) throw new AssertionError(message());
}

/** Starts an assertion on `actual`. */
export function expect(actual: unknown): Expectation {
  return {
    toBe: (expected) => check(Object.is(actual, expected), () => `expected ${show(actual)} to be ${show(expected)}`),
    toEqual: (expected) => check(deepEqual(actual, expected), () => `expected ${show(actual)} to equal ${show(expected)}`),
    toMatch: (pattern) => check(typeof actual === 'string' && pattern.test(actual), () => `expected ${show(actual)} to match ${pattern}`),
    toHaveLength: (length) =>
      check((actual as { length?: unknown } | null)?.length === length, () => `expected length ${length}, got ${show((actual as { length?: unknown } | null)?.length)}`),
    toBeInstanceOf: (type) => check(actual instanceof type, () => `expected an instance of ${type.name}, got ${show(actual)}`),
    toBeUndefined: () => check(actual === undefined, () => `expected undefined, got ${show(actual)}`),
    toMatchObject: (expected) =>
      check(
        typeof actual === 'object' && actual !== null && Object.entries(expected).every(([key, value]) => deepEqual((actual as Record<string, unknown>)[key], value)),
        () => `expected ${show(actual)} to match ${show(expected)}`,
      ),
    not: {
      toBe: (expected) => check(!Object.is(actual, expected), () => `expected ${show(actual)} not to be ${show(expected)}`),
      toEqual: (expected) => check(!deepEqual(actual, expected), () => `expected ${show(actual)} not to equal ${show(expected)}`),
    },
  };
}

/** Awaits `promise`, which must reject, and returns its reason for further assertions. */
export async function rejects(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new AssertionError('expected the promise to reject, but it resolved');
}
