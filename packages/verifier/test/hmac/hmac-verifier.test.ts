import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, createMemoryNonceStore, type Credential, utf8 } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { createVerifier } from '@signet/verifier';
import { expectConfigError } from '../support/config-error.js';

const SECRET = 'example-secret-for-docs-only-0123456789';
const NEXT_SECRET = 'the-next-secret-during-rotation-0123456789';
const NOW = 1_700_000_000_000;

/** Signs with a client credential at `clientNow` and returns the standard Request a server would see. */
async function signed(credential: Credential, init: { method?: string; url?: string; headers?: Record<string, string>; body?: string } = {}, clientNow = NOW, nonce = 'nonce-1') {
  const body = init.body === undefined ? undefined : utf8(init.body);
  const request = await credential.authorize(
    { method: init.method ?? 'GET', url: new URL(init.url ?? 'https://api.example.com/v1/orders?a=1'), headers: new Headers(init.headers), body },
    createAuthContext({ clock: createClock({ now: () => clientNow }), nonce: () => nonce }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body: (body as Uint8Array<ArrayBuffer> | undefined) ?? null });
}

const client = hmac({ keyId: 'partner-42', secret: SECRET, headers: ['x-request-id'] });
const verifierAt = (now = NOW, extra: object = {}) => createVerifier({ now: () => now, hmac: { keys: { 'partner-42': [NEXT_SECRET, SECRET] }, ...extra } });

describe('HMAC verifier', () => {
  test('accepts what hmac() signed, naming the key id', async () => {
    const request = await signed(client, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'r1' }, body: '{"a":1}' });
    expect(await verifierAt().verify(request)).toEqual({ ok: true, scheme: 'hmac', identity: 'partner-42' });
  });

  test('rejects a replayed nonce, after accepting it once', async () => {
    const verifier = verifierAt();
    const request = await signed(client, { headers: { 'x-request-id': 'r1' } });
    expect(await verifier.verify(request.clone())).toMatchObject({ ok: true });
    expect(await verifier.verify(request)).toMatchObject({ ok: false, reason: 'nonce_replay', status: 401 });
  });

  test('a forged request does not burn the nonce of a real one', async () => {
    const verifier = verifierAt();
    const real = await signed(client, { headers: { 'x-request-id': 'r1' } });
    const forged = new Request(real.url.replace('a=1', 'a=2'), { headers: real.headers });
    expect(await verifier.verify(forged)).toMatchObject({ reason: 'signature_mismatch' });
    expect(await verifier.verify(real)).toMatchObject({ ok: true });
  });

  test('a stale or future timestamp is timestamp_skew, and the challenge tells the server time', async () => {
    const request = await signed(client, { headers: { 'x-request-id': 'r1' } }, NOW - 301_000);
    const result = await verifierAt().verify(request);
    expect(result).toEqual({
      ok: false,
      scheme: 'hmac',
      reason: 'timestamp_skew',
      status: 401,
      challenge: 'HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="1700000000"',
    });
    expect(await verifierAt().verify(await signed(client, { headers: { 'x-request-id': 'r1' } }, NOW + 301_000))).toMatchObject({ reason: 'timestamp_skew' });
    expect(await verifierAt().verify(await signed(client, { headers: { 'x-request-id': 'r1' } }, NOW - 300_000))).toMatchObject({ ok: true });
  });

  test('tolerance is configurable', async () => {
    const request = await signed(client, { headers: { 'x-request-id': 'r1' } }, NOW - 30_000);
    expect(await verifierAt(NOW, { toleranceSeconds: 10 }).verify(request)).toMatchObject({ reason: 'timestamp_skew' });
  });

  test('both secrets of a rotating key id are accepted; another key id or secret is not', async () => {
    const next = hmac({ keyId: 'partner-42', secret: NEXT_SECRET });
    expect(await verifierAt().verify(await signed(next))).toMatchObject({ ok: true });
    const stranger = hmac({ keyId: 'partner-7', secret: SECRET });
    expect(await verifierAt().verify(await signed(stranger))).toMatchObject({ reason: 'unknown_key' });
    const wrong = hmac({ keyId: 'partner-42', secret: 'a-wrong-secret-that-is-long-enough-000' });
    expect(await verifierAt().verify(await signed(wrong))).toMatchObject({ reason: 'signature_mismatch' });
  });

  test('required headers must be signed; a signed header must be present; content-type must be signed when sent', async () => {
    const bare = hmac({ keyId: 'partner-42', secret: SECRET });
    expect(await verifierAt(NOW, { requiredHeaders: ['X-Request-Id'] }).verify(await signed(bare))).toMatchObject({ reason: 'missing_component' });
    const request = await signed(client, { headers: { 'x-request-id': 'r1' } });
    const stripped = new Headers(request.headers);
    stripped.delete('x-request-id');
    expect(await verifierAt().verify(new Request(request.url, { headers: stripped }))).toMatchObject({ reason: 'missing_component' });
    const added = new Headers(request.headers);
    added.set('content-type', 'text/plain');
    expect(await verifierAt().verify(new Request(request.url, { method: 'POST', headers: added, body: '' }))).toMatchObject({ reason: 'missing_component' });
  });

  test.each([
    ['a non-numeric timestamp', 'HMAC-SHA256 keyId="partner-42", timestamp="NaN", nonce="n", headers="", signature="' + 'a'.repeat(64) + '"'],
    ['a negative timestamp', 'HMAC-SHA256 keyId="partner-42", timestamp="-1", nonce="n", headers="", signature="' + 'a'.repeat(64) + '"'],
    ['no signature', 'HMAC-SHA256 keyId="partner-42", timestamp="1700000000", nonce="n", headers=""'],
    ['a short signature', 'HMAC-SHA256 keyId="partner-42", timestamp="1700000000", nonce="n", headers="", signature="abc"'],
    ['a repeated parameter', 'HMAC-SHA256 keyId="a", keyId="b", timestamp="1700000000", nonce="n", headers="", signature="' + 'a'.repeat(64) + '"'],
    ['garbage', 'HMAC-SHA256 ,,,'],
    // A header listed twice would only make the verifier build a longer string before any check.
    ['a header listed twice', 'HMAC-SHA256 keyId="partner-42", timestamp="1700000000", nonce="n", headers="x-a;x-a", signature="' + 'a'.repeat(64) + '"'],
  ])('%s is malformed_credentials', async (_, authorization) => {
    expect(await verifierAt().verify(new Request('https://api.example.com/', { headers: { authorization } }))).toMatchObject({ ok: false, reason: 'malformed_credentials' });
  });

  test('a full replay store refuses with 503 rather than accept an unrecorded nonce', async () => {
    const verifier = verifierAt(NOW, { nonceStore: createMemoryNonceStore({ maxEntries: 1, now: () => NOW }) });
    expect(await verifier.verify(await signed(client, { headers: { 'x-request-id': 'r' } }, NOW, 'n-1'))).toMatchObject({ ok: true });
    expect(await verifier.verify(await signed(client, { headers: { 'x-request-id': 'r' } }, NOW, 'n-2'))).toMatchObject({ reason: 'nonce_store_full', status: 503 });
  });

  test('the body stays readable for the application after verification', async () => {
    const request = await signed(client, { method: 'PUT', headers: { 'x-request-id': 'r' }, body: 'payload' });
    await verifierAt().verify(request);
    expect(await request.text()).toBe('payload');
  });

  test('bad policies are refused at construction, naming the field', () => {
    expectConfigError(() => createVerifier({ hmac: { keys: { k: 'short' } } }), 'hmac.keys.k', 'hmac.keys.k: must be at least 32 bytes');
    expectConfigError(() => createVerifier({ hmac: { keys: { k: SECRET }, toleranceSeconds: 0 } }), 'hmac.toleranceSeconds', 'hmac.toleranceSeconds: must be a positive integer');
    expectConfigError(() => createVerifier({ hmac: null as never }), 'hmac', 'hmac: must be an options object');
    expectConfigError(() => createVerifier({ hmac: { keys: { k: SECRET }, nonceStore: {} as never } }), 'hmac.nonceStore', 'hmac.nonceStore: must be a NonceStore (an object with claim(key, expiresAtMs))');
    expectConfigError(() => createVerifier({ hmac: { keys: { k: SECRET }, requiredHeaders: ['x y'] } }), 'hmac.requiredHeaders[0]', 'hmac.requiredHeaders[0]: must be an HTTP token (letters, digits and !#$%&\'*+.^_`|~-)');
    expectConfigError(() => createVerifier({ now: 5 as never, hmac: { keys: { k: SECRET } } }), 'now', 'now: must be a function returning milliseconds');
  });
});

describe('HMAC through createVerifierHandler', () => {
  test('a signed body is verified and still counted by the handler (the verifier reads a clone first)', async () => {
    const { createVerifierHandler } = await import('@signet/verifier');
    const handle = createVerifierHandler(verifierAt());
    const response = await handle(await signed(client, { method: 'POST', headers: { 'x-request-id': 'r' }, body: 'twelve bytes' }));
    expect(await response.json()).toMatchObject({ verified: true, scheme: 'hmac', bodyBytes: 12 });
  });
});
