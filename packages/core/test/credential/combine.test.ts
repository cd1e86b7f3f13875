import { describe, expect, test } from 'vitest';
import { apiKey, basic, combine, type Credential, SignetConfigError } from '@signet/core';
import { signable, testContext } from '../support/context.js';

describe('combine', () => {
  test('applies every credential in order and unions what is sensitive', async () => {
    const both = combine(apiKey({ key: 'gw', header: 'X-Gateway-Key' }), basic({ username: 'a', password: 'b' }), apiKey({ key: 'q', query: 'k' }));
    const signed = await both.authorize(signable('https://api.example.com/'), testContext());
    expect(signed.headers.get('x-gateway-key')).toBe('gw');
    expect(signed.headers.get('authorization')).toBe(`Basic ${btoa('a:b')}`);
    expect(signed.url.searchParams.get('k')).toBe('q');
    expect(both.sensitiveHeaders).toEqual(['x-gateway-key', 'authorization']);
    expect(both.sensitiveQueryParams).toEqual(['k']);
    expect(both.scheme).toBe('api-key+basic+api-key');
  });

  test('reads the body if any part does, and asks for a re-send if any part does', async () => {
    const seen: string[] = [];
    const retrying: Credential = {
      scheme: 'retrying',
      requiresBody: true,
      sensitiveHeaders: [],
      sensitiveQueryParams: [],
      authorize: async (request) => request,
      onResponse: () => {
        seen.push('retrying');
        return 'retry';
      },
    };
    const observing: Credential = { ...retrying, scheme: 'observing', requiresBody: false, onResponse: () => void seen.push('observing') };
    const both = combine(retrying, observing);
    expect(both.requiresBody).toBe(true);
    expect(await both.onResponse!({ status: 401, headers: new Headers() }, signable(), testContext())).toBe('retry');
    expect(seen).toEqual(['retrying', 'observing']);
  });

  test('refuses two parts that write the same header, naming the second', () => {
    let error: unknown;
    try {
      combine(apiKey({ key: 'k', header: 'X-Key' }), apiKey({ key: 'gw' }), basic({ username: 'a', password: 'b' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toMatchObject({ field: 'credentials[2]' });
    expect((error as Error).message).toContain('authorization header, as credentials[1] (api-key) does');
  });

  test('needs at least one credential', () => {
    expect(() => combine()).toThrow(SignetConfigError);
  });
});
