// Secrets and redaction, in each runtime's own printing machinery: a Secret never shows its value,
// and the redacted request view keeps no credential, whatever the runtime's URL and Headers do.
import { apiKey, redactRequest, Secret, SignetConfigError } from '@signet/core';
import { expect, test } from '../harness/index.js';

interface Inspectors {
  Deno?: { inspect(value: unknown): string };
  process?: { getBuiltinModule?(name: string): { inspect(value: unknown): string } | undefined };
}

/** The runtime's own object printers (console.log uses them): Deno.inspect, node:util's inspect (Node, Bun, Deno). */
function runtimeInspectors(): Array<(value: unknown) => string> {
  const global = globalThis as Inspectors;
  const util = global.process?.getBuiltinModule?.('node:util');
  return [...(global.Deno ? [(value: unknown) => global.Deno!.inspect(value)] : []), ...(util ? [(value: unknown) => util.inspect(value)] : [])];
}

export default function define(): void {
  test('a Secret prints [redacted] through String, a template, JSON and the runtime inspectors', () => {
    const value = new Secret('SECRET-VALUE-123');
    // Every runtime but the browser has one, so the check below cannot pass vacuously there.
    if (!('document' in globalThis)) expect(runtimeInspectors().length > 0).toBe(true);
    const printed = [String(value), `${value}`, JSON.stringify({ value }), ...runtimeInspectors().map((inspect) => inspect(value)), ...runtimeInspectors().map((inspect) => inspect({ nested: { value } }))];
    expect(printed.filter((text) => text.includes('SECRET-VALUE-123'))).toEqual([]);
    expect(String(value)).toBe('[redacted]');
    expect(value.reveal()).toBe('SECRET-VALUE-123');
    expect(Object.getOwnPropertyNames(value)).toEqual([]);
  });

  test('redactRequest keeps allow-listed headers and hides user info, query values and every other header', () => {
    const view = redactRequest({
      method: 'POST',
      url: new URL('https://user:SECRET@api.example.test/x?token=SECRET&page=2#SECRET'),
      headers: new Headers({ Authorization: 'Bearer SECRET', 'X-Api-Key': 'SECRET', 'Content-Type': 'application/json' }),
    });
    expect(view).toEqual({
      method: 'POST',
      url: 'https://api.example.test/x?token=[redacted]&page=[redacted]',
      headers: { authorization: '[redacted]', 'content-type': 'application/json', 'x-api-key': '[redacted]' },
    });
    expect(JSON.stringify(view).includes('SECRET')).toBe(false);
  });

  test('a bad option is a SignetConfigError naming the field, without the secret', () => {
    let error: unknown;
    try {
      apiKey({ key: 'SECRET\nVALUE' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(String((error as Error).message).includes('SECRET')).toBe(false);
    expect((error as Error).message).toMatch(/key/);
  });
}
