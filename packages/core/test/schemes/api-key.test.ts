import { describe, expect, test } from 'vitest';
import { apiKey, secret, SignetConfigError } from '@signet/core';
import { signable, testContext } from '../support/context.js';

describe('apiKey', () => {
  test('defaults to Authorization: ApiKey <key>', async () => {
    const signed = await apiKey({ key: 'k-123' }).authorize(signable(), testContext());
    expect(signed.headers.get('authorization')).toBe('ApiKey k-123');
  });

  test('takes a custom scheme word for the Authorization header', async () => {
    const signed = await apiKey({ key: 'k-123', scheme: 'Token' }).authorize(signable(), testContext());
    expect(signed.headers.get('authorization')).toBe('Token k-123');
  });

  test('puts the bare key in a custom header, and declares that header sensitive', async () => {
    const credential = apiKey({ key: secret('k-123'), header: 'X-API-Key' });
    const signed = await credential.authorize(signable(), testContext());
    expect(signed.headers.get('x-api-key')).toBe('k-123');
    expect(signed.headers.has('authorization')).toBe(false);
    expect(credential.sensitiveHeaders).toEqual(['x-api-key']);
  });

  test('puts the key in the query only when asked, and declares the parameter sensitive', async () => {
    const credential = apiKey({ key: 'k 1&2', query: 'api_key' });
    const signed = await credential.authorize(signable('https://api.example.com/v1?page=2'), testContext());
    expect(signed.url.href).toBe('https://api.example.com/v1?page=2&api_key=k%201%262');
    expect(signed.url.searchParams.get('api_key')).toBe('k 1&2');
    expect(credential.sensitiveQueryParams).toEqual(['api_key']);
    expect(credential.sensitiveHeaders).toEqual([]);
  });

  test('keeps the exact encoding of the rest of the query, and replaces a parameter already there', async () => {
    const credential = apiKey({ key: 'k', query: 'api_key' });
    const kept = await credential.authorize(signable('https://api.example.com/s?q=a%20b&t=x*y'), testContext());
    expect(kept.url.href).toBe('https://api.example.com/s?q=a%20b&t=x*y&api_key=k');
    const replaced = await credential.authorize(signable('https://api.example.com/s?api_key=old'), testContext());
    expect(replaced.url.href).toBe('https://api.example.com/s?api_key=k');
  });

  test('a query key may hold any character: it is percent-encoded', async () => {
    const signed = await apiKey({ key: 'clé 1', query: 'k' }).authorize(signable('https://api.example.com/'), testContext());
    expect(signed.url.search).toBe('?k=cl%C3%A9%201');
  });

  test('never mutates the request it is given', async () => {
    const request = signable('https://api.example.com/v1', { accept: 'application/json' });
    await apiKey({ key: 'k' }).authorize(request, testContext());
    await apiKey({ key: 'k', query: 'key' }).authorize(request, testContext());
    expect([...request.headers]).toEqual([['accept', 'application/json']]);
    expect(request.url.href).toBe('https://api.example.com/v1');
  });

  test('does not read bodies', () => {
    expect(apiKey({ key: 'k' }).requiresBody).toBe(false);
  });

  test.each([
    [{ key: '' }, 'key', 'must not be empty'],
    [{ key: 'abc\r\nX-Injected: 1' }, 'key', 'must not contain control characters'],
    [{ key: 42 }, 'key', 'must be a string or a Secret'],
    [{ key: 'k', header: 'X API Key' }, 'header', 'must be an HTTP token'],
    [{ key: 'k', scheme: 'Api Key' }, 'scheme', 'must be an HTTP token'],
    [{ key: 'k', header: 'X-API-Key', scheme: 'Token' }, 'scheme', 'applies only to the Authorization header'],
    [{ key: 'k', query: 'api_key', header: 'X-API-Key' }, 'query', 'cannot be combined'],
    [{ key: 'k', query: '' }, 'query', 'must not be empty'],
    [{ key: 'k', query: 'a\nb' }, 'query', 'control characters'],
    [{ key: 'clé' }, 'key', 'visible ASCII'],
    [{ key: ' k' }, 'key', 'no leading or trailing space'],
    [{ key: 'k ', header: 'X-API-Key' }, 'key', 'no leading or trailing space'],
  ])('refuses %j at construction, naming the field', (options, field, message) => {
    let error: unknown;
    try {
      apiKey(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toMatchObject({ code: 'invalid_option', field });
    expect((error as Error).message).toContain(`${field}: `);
    expect((error as Error).message).toContain(message);
  });

  test('a key with a control character is refused without echoing it', () => {
    expect(() => apiKey({ key: 'SECRET-VALUE\n' })).toThrow(/^key: must not contain control characters$/);
  });

  test('refuses a missing options object', () => {
    expect(() => apiKey(undefined as never)).toThrow(SignetConfigError);
  });
});
