import { inspect } from 'node:util';
import { SignetConfigError, SignetError } from '@signet/core';
import { expect } from 'vitest';

/** Runs `fn`, which must throw, and returns what it threw. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Asserts that `fn` throws a SignetConfigError with this field and this exact message. */
export function expectConfigError(fn: () => unknown, field: string, message: string): SignetConfigError {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(SignetConfigError);
  expect(error).toBeInstanceOf(SignetError);
  const configError = error as SignetConfigError;
  expect(configError.name).toBe('SignetConfigError');
  expect(configError.code).toBe('invalid_option');
  expect(configError.field).toBe(field);
  expect(configError.message).toBe(message);
  return configError;
}

/** Every way an error is commonly turned into text: none may contain `secret`. */
export function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, e.stack ?? '', String(e), JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true })];
}
