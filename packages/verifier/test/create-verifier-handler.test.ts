import { basic } from '@signet/core';
import { describe, expect, test } from 'vitest';
import { createVerifier, createVerifierHandler, type VerifierResponseBody } from '@signet/verifier';
import { basicHeader, signedRequest } from './support/client.js';

const ORIGIN = 'https://api.example.test';
const KEY = 'key-billing-7f3a';
const PASSWORD = 'pw-alice-c41d';
const verifier = createVerifier({ apiKey: { clients: { billing: KEY } }, basic: { users: { alice: PASSWORD } } });
const handle = createVerifierHandler(verifier);
const CHALLENGE = 'ApiKey realm="signet", Basic realm="signet", charset="UTF-8"';

async function answer(request: Request): Promise<{ response: Response; text: string; report: VerifierResponseBody }> {
  const response = await handle(request);
  const text = await response.text();
  return { response, text, report: JSON.parse(text) as VerifierResponseBody };
}

describe('createVerifierHandler', () => {
  test('an authenticated request: 200 with the JSON report', async () => {
    const { response, report } = await answer(
      new Request(`${ORIGIN}/v1/things?page=2`, {
        method: 'POST',
        headers: { Authorization: `ApiKey ${KEY}`, 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' },
        body: '{"a":1}',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(report).toEqual({
      verified: true,
      scheme: 'api-key',
      identity: 'billing',
      reason: null,
      method: 'POST',
      path: '/v1/things',
      bodyBytes: 7,
      headerNames: ['authorization', 'content-type', 'x-request-id'],
    });
  });

  test('bodyBytes counts bytes, not characters', async () => {
    const { report } = await answer(new Request(`${ORIGIN}/`, { method: 'PUT', headers: { authorization: `ApiKey ${KEY}` }, body: 'é€😀' }));
    expect(report.bodyBytes).toBe(2 + 3 + 4);
  });

  test('a bodiless GET reports 0 bytes', async () => {
    const { report } = await answer(new Request(`${ORIGIN}/`, { headers: { authorization: `ApiKey ${KEY}` } }));
    expect(report).toMatchObject({ verified: true, method: 'GET', path: '/', bodyBytes: 0, headerNames: ['authorization'] });
  });

  test('a Basic request names the user', async () => {
    const signed = await signedRequest(basic({ username: 'alice', password: PASSWORD }), `${ORIGIN}/me`);
    const { response, report } = await answer(signed);
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ verified: true, scheme: 'basic', identity: 'alice', reason: null, path: '/me' });
  });

  test('a refused request: 401, the challenge as www-authenticate, and the reason', async () => {
    const { response, report } = await answer(new Request(`${ORIGIN}/v1/things`, { method: 'DELETE', headers: { authorization: 'ApiKey wrong-key' } }));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(report).toEqual({
      verified: false,
      scheme: 'api-key',
      identity: null,
      reason: 'unknown_key',
      method: 'DELETE',
      path: '/v1/things',
      bodyBytes: 0,
      headerNames: ['authorization'],
    });
  });

  test('no credentials: scheme null, reason missing_credentials', async () => {
    const { response, report } = await answer(new Request(`${ORIGIN}/x`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(report).toMatchObject({ verified: false, scheme: null, identity: null, reason: 'missing_credentials', headerNames: [] });
  });

  test('a wrong Basic password: invalid_credentials', async () => {
    const { response, report } = await answer(new Request(`${ORIGIN}/x`, { headers: { authorization: basicHeader('alice:nope') } }));
    expect(response.status).toBe(401);
    expect(report).toMatchObject({ verified: false, scheme: 'basic', identity: null, reason: 'invalid_credentials' });
  });

  test.each([
    ['an accepted API key', { authorization: `ApiKey ${KEY}` }],
    ['an accepted Basic password', { authorization: basicHeader(`alice:${PASSWORD}`) }],
    ['a refused Basic password', { authorization: basicHeader(`alice:${PASSWORD}x`) }],
    ['an API key in another header', { 'x-api-key': KEY }],
  ])('the response never contains the secret: %s', async (_name, headers) => {
    const { response, text } = await answer(new Request(`${ORIGIN}/x`, { headers }));
    const everything = text + JSON.stringify([...response.headers]);
    for (const value of [KEY, PASSWORD, ...Object.values(headers)]) expect(everything).not.toContain(value);
    expect(text).toContain('"headerNames":[');
  });

  test('the response never contains a key sent in the query', async () => {
    const queryHandler = createVerifierHandler(createVerifier({ apiKey: { clients: { billing: KEY }, query: 'api_key' } }));
    const response = await queryHandler(new Request(`${ORIGIN}/v1/things?api_key=${KEY}`));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ verified: true, identity: 'billing', path: '/v1/things' });
    expect(text).not.toContain(KEY);
  });
});
