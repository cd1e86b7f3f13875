import { apiKey } from '@signet/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { verifierHandlers } from '@signet/verifier/msw';
import { signedRequest } from '../support/client.js';

const ORIGIN = 'https://api.example.test';
const verifier = createVerifier({ apiKey: { clients: { billing: ['key-new', 'key-old'] } } });
const server = setupServer(...verifierHandlers(verifier, { origin: ORIGIN }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

describe('verifierHandlers', () => {
  test('returns one handler', () => {
    expect(verifierHandlers(verifier, { origin: ORIGIN })).toHaveLength(1);
  });

  test('a good key gets 200 and the report', async () => {
    const response = await fetch(`${ORIGIN}/v1/things?page=2`, { headers: { authorization: 'ApiKey key-old' } });
    expect(response.status).toBe(200);
    expect((await response.json()) as VerifierResponseBody).toEqual({
      verified: true,
      scheme: 'api-key',
      identity: 'billing',
      reason: null,
      method: 'GET',
      path: '/v1/things',
      bodyBytes: 0,
      headerNames: ['authorization'],
    });
  });

  test('a bad key gets 401 with the challenge', async () => {
    const response = await fetch(`${ORIGIN}/v1/things`, { headers: { authorization: 'ApiKey key-wrong' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('ApiKey realm="signet"');
    expect(await response.json()).toMatchObject({ verified: false, reason: 'unknown_key', identity: null });
  });

  test('no key gets 401 missing_credentials', async () => {
    const response = await fetch(`${ORIGIN}/`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ verified: false, scheme: null, reason: 'missing_credentials', path: '/' });
  });

  test('every method and path under the origin, including the bare origin, with the body', async () => {
    const post = await fetch(`${ORIGIN}/deep/path/x.json`, { method: 'POST', headers: { authorization: 'ApiKey key-new' }, body: new Uint8Array(1000) });
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ method: 'POST', path: '/deep/path/x.json', bodyBytes: 1000 });
    const root = await fetch(ORIGIN, { method: 'PATCH', headers: { authorization: 'ApiKey key-new' }, body: 'abc' });
    expect(await root.json()).toMatchObject({ verified: true, method: 'PATCH', path: '/', bodyBytes: 3 });
  });

  test('a request signed by the client apiKey() credential', async () => {
    const signed = await signedRequest(apiKey({ key: 'key-new' }), `${ORIGIN}/v1/me`);
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ verified: true, identity: 'billing', path: '/v1/me' });
  });

  test('the origin option is reduced to its origin: path and query are ignored', async () => {
    const other = createVerifier({ apiKey: { clients: { partner: 'key-partner' } } });
    server.use(...verifierHandlers(other, { origin: 'https://second.example.test/base/path?x=1' }));
    const response = await fetch('https://second.example.test/elsewhere', { headers: { authorization: 'ApiKey key-partner' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ identity: 'partner', path: '/elsewhere' });
  });

  test('requests to other origins are not intercepted', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch('https://other.example.test/v1/things', { headers: { authorization: 'ApiKey key-new' } })).rejects.toThrow();
    await expect(fetch('http://api.example.test/v1/things', { headers: { authorization: 'ApiKey key-new' } })).rejects.toThrow();
    // msw's onUnhandledRequest: 'error' names each request it found no handler for.
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('GET https://other.example.test/v1/things'),
      expect.stringContaining('GET http://api.example.test/v1/things'),
    ]);
  });
});
