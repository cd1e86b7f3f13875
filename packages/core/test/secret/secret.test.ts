import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { REDACTED, Secret, secret } from '@signet/core';

const CANARY = 'canary-7f3e9a';

describe('Secret', () => {
  const value = secret(CANARY);

  test('reveals its value only through reveal()', () => {
    expect(value.reveal()).toBe(CANARY);
  });

  test.each([
    ['String()', () => String(value)],
    ['template literal', () => `${value}`],
    ['concatenation', () => 'x' + value],
    ['JSON.stringify', () => JSON.stringify({ value })],
    ['util.inspect', () => inspect({ nested: { value } }, { depth: Infinity, showHidden: true })],
    ['Object.keys / entries', () => JSON.stringify(Object.entries(value))],
    ['Object.getOwnPropertyNames', () => Object.getOwnPropertyNames(value).join(',')],
  ])('%s prints no secret', (_, show) => {
    const text = show();
    expect(text).not.toContain(CANARY);
  });

  test('prints [redacted] in every text form', () => {
    expect(String(value)).toBe(REDACTED);
    expect(JSON.stringify({ value })).toBe('{"value":"[redacted]"}');
    expect(inspect(value)).toBe(REDACTED);
  });

  test('secret() returns a Secret unchanged and wraps a string', () => {
    expect(secret(value)).toBe(value);
    expect(secret('x')).toBeInstanceOf(Secret);
  });

  test('is frozen, so no one can attach the value to it', () => {
    expect(Object.isFrozen(value)).toBe(true);
  });

  test('refuses a non-string value with a TypeError', () => {
    expect(() => new Secret(42 as unknown as string)).toThrow(TypeError);
  });
});
