import { describe, expect, test } from 'vitest';
import { createMemoryNonceStore, type NonceStore } from '@signet/core';
import { httpSignature } from '@signet/core/http-signatures';
import { httpSignatureVerifier } from '../../src/http-signatures/http-signature-verifier.js';
import type { HttpSignaturePolicy } from '../../src/http-signatures/http-signature-policy.js';
import { TEST_KEY_ED25519, TEST_KEY_ED25519_PUBLIC } from '../../../core/test/schemes/http-signatures/rfc9421-vectors.js';
import { altered, NOW_MS, signedRequest, verifierContext } from './support.js';

const SECRET = 'partner-shared-secret-0123456789abcdef';
const OLD_SECRET = 'the-previous-shared-secret-0123456789';
const hmacClient = (options: { keyId?: string; key?: string; components?: string[]; nonce?: boolean; expiresIn?: number; includeAlgorithm?: boolean } = {}) =>
  httpSignature({ keyId: 'partner', algorithm: 'hmac-sha256', key: SECRET, ...options });
const edClient = (options: { keyId?: string; includeAlgorithm?: boolean } = {}) => httpSignature({ keyId: 'edge', algorithm: 'ed25519', key: TEST_KEY_ED25519, ...options });

const policy: HttpSignaturePolicy = {
  keys: {
    partner: [
      { algorithm: 'hmac-sha256', key: SECRET },
      { algorithm: 'hmac-sha256', key: OLD_SECRET },
    ],
    edge: { algorithm: 'ed25519', key: TEST_KEY_ED25519_PUBLIC },
  },
};

const verify = async (request: Request, options: { policy?: HttpSignaturePolicy; nowMs?: number } = {}) =>
  httpSignatureVerifier(options.policy ?? policy, 'signet').verify(request, verifierContext(request, options.nowMs));

describe('sign → verify', () => {
  test('hmac-sha256, bodiless GET', async () => {
    expect(await verify(await signedRequest(hmacClient()))).toEqual({ ok: true, identity: 'partner' });
  });

  test('ed25519, POST with a body (Content-Digest covered)', async () => {
    const request = await signedRequest(edClient(), { method: 'POST', body: '{"amount": 10}', headers: { 'content-type': 'application/json' } });
    expect(request.headers.get('content-digest')).toMatch(/^sha-256=:/);
    expect(await verify(request)).toEqual({ ok: true, identity: 'edge' });
  });

  test('covered headers, several components, expires in the future', async () => {
    const client = hmacClient({ components: ['@method', '@target-uri', '@authority', '@scheme', '@request-target', '@path', '@query', 'content-type', 'x-request-id'], expiresIn: 60 });
    const request = await signedRequest(client, { method: 'PUT', body: 'x', headers: { 'content-type': 'text/plain', 'x-request-id': 'r-1' } });
    expect(await verify(request)).toEqual({ ok: true, identity: 'partner' });
  });

  test('the signature scheme is http-signature; the challenge names the realm', () => {
    const verifier = httpSignatureVerifier(policy, 'signet');
    expect(verifier.scheme).toBe('http-signature');
    expect(verifier.challenge).toBe('HTTPSig realm="signet"');
  });

  test('a request without Signature-Input and Signature is not this scheme’s', async () => {
    expect(await verify(new Request('https://api.example.test/'))).toBeUndefined();
  });
});

describe('one change to the signed request is refused', () => {
  type Change = Parameters<typeof altered>[1];
  const bumpCreated = (original: Request): Change => ({
    headers: { 'signature-input': original.headers.get('signature-input')!.replace(/created=(\d+)/, (_, t: string) => `created=${Number(t) + 1}`) },
  });
  test.each<[string, Change | ((original: Request) => Change), string]>([
    ['the method', { method: 'DELETE' }, 'signature_mismatch'],
    ['the path', { url: 'https://api.example.test/v1/other?page=2' }, 'signature_mismatch'],
    ['the query', { url: 'https://api.example.test/v1/things?page=3' }, 'signature_mismatch'],
    ['the host', { url: 'https://evil.example.test/v1/things?page=2' }, 'signature_mismatch'],
    ['a covered header', { headers: { 'content-type': 'text/html' } }, 'signature_mismatch'],
    ['the body (digest left as signed)', { body: '{"amount": 10000}' }, 'digest_mismatch'],
    ['the body and its digest', { body: '{"amount": 10000}', headers: { 'content-digest': 'sha-256=:Ezt+QeeB5+mCk5xXQAPxjVkXNRlfOlAGCFcKq3cxeCs=:' } }, 'signature_mismatch'],
    ['the created parameter', bumpCreated, 'signature_mismatch'],
    ['the signature bytes', { headers: { signature: 'sig1=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:' } }, 'signature_mismatch'],
    ['a covered header removed', { headers: { 'content-type': null } }, 'missing_component'],
  ])('%s → %s', async (_, change, reason) => {
    const client = hmacClient({ components: ['@method', '@target-uri', 'content-type'] });
    const original = await signedRequest(client, { method: 'POST', body: '{"amount": 10}', headers: { 'content-type': 'application/json' } });
    expect(await verify(original.clone())).toEqual({ ok: true, identity: 'partner' });
    const changes = typeof change === 'function' ? change(original) : change;
    // The body is sent again in every variant (a Request body can be read once).
    const tampered = altered(original, { body: await original.clone().text(), ...changes });
    expect(await verify(tampered)).toEqual({ ok: false, reason });
  });
});

describe('time and replay', () => {
  test('a replayed nonce is refused, on the second use only', async () => {
    const verifier = httpSignatureVerifier(policy, 'signet');
    const request = await signedRequest(hmacClient());
    expect(await verifier.verify(request.clone(), verifierContext(request))).toEqual({ ok: true, identity: 'partner' });
    expect(await verifier.verify(request.clone(), verifierContext(request, NOW_MS + 1000))).toEqual({ ok: false, reason: 'nonce_replay' });
  });

  test('an invalid signature does not use up its nonce', async () => {
    const verifier = httpSignatureVerifier(policy, 'signet');
    const request = await signedRequest(hmacClient());
    const forged = altered(request, { method: 'DELETE' });
    expect(await verifier.verify(forged, verifierContext(forged))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(await verifier.verify(request, verifierContext(request))).toEqual({ ok: true, identity: 'partner' });
  });

  test('stale created: timestamp_skew, with the server time in the challenge', async () => {
    const request = await signedRequest(hmacClient(), {}, NOW_MS - 301_000);
    expect(await verify(request)).toEqual({ ok: false, reason: 'timestamp_skew', challengeParams: 'error="timestamp_skew", server_time="1700000000"' });
  });

  test('created within the tolerance, either way, is accepted; just outside it in the future is not', async () => {
    expect(await verify(await signedRequest(hmacClient(), {}, NOW_MS - 300_000))).toEqual({ ok: true, identity: 'partner' });
    expect(await verify(await signedRequest(hmacClient(), {}, NOW_MS + 300_000))).toEqual({ ok: true, identity: 'partner' });
    expect(await verify(await signedRequest(hmacClient(), {}, NOW_MS + 301_000))).toMatchObject({ ok: false, reason: 'timestamp_skew' });
  });

  test('toleranceSeconds is the policy’s', async () => {
    const request = await signedRequest(hmacClient(), {}, NOW_MS - 61_000);
    expect(await verify(request, { policy: { ...policy, toleranceSeconds: 60 } })).toMatchObject({ ok: false, reason: 'timestamp_skew' });
  });

  test('a signature past its expires is refused, even within the tolerance', async () => {
    const request = await signedRequest(hmacClient({ expiresIn: 10 }), {}, NOW_MS - 11_000);
    expect(await verify(request)).toMatchObject({ ok: false, reason: 'timestamp_skew' });
  });

  test('the nonce is claimed as keyId:nonce until the end of the last accepted second', async () => {
    const claims: Array<[string, number]> = [];
    const nonceStore: NonceStore = { claim: async (key, expiresAtMs) => (claims.push([key, expiresAtMs]), 'claimed') };
    const request = await signedRequest(hmacClient());
    await verify(request, { policy: { ...policy, nonceStore } });
    expect(claims).toEqual([[`partner:${/nonce="([^"]+)"/.exec(request.headers.get('signature-input')!)![1]}`, (1_700_000_000 + 300 + 1) * 1000]]);
  });

  test('a full nonce store refuses (fail closed)', async () => {
    const nonceStore = createMemoryNonceStore({ maxEntries: 1, now: () => NOW_MS });
    const strict = { ...policy, nonceStore };
    expect(await verify(await signedRequest(hmacClient()), { policy: strict })).toEqual({ ok: true, identity: 'partner' });
    expect(await verify(await signedRequest(hmacClient()), { policy: strict })).toEqual({ ok: false, reason: 'nonce_store_full' });
  });

  test('a signature without a nonce: refused by default, accepted with requireNonce: false', async () => {
    const request = await signedRequest(hmacClient({ nonce: false }));
    expect(await verify(request.clone())).toEqual({ ok: false, reason: 'missing_component' });
    expect(await verify(request, { policy: { ...policy, requireNonce: false } })).toEqual({ ok: true, identity: 'partner' });
  });
});

describe('keys and algorithms', () => {
  test('an unknown key id', async () => {
    expect(await verify(await signedRequest(hmacClient({ keyId: 'stranger' })))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  test('several keys per key id: the old and the new one both verify during a rotation', async () => {
    expect(await verify(await signedRequest(hmacClient({ key: SECRET })))).toEqual({ ok: true, identity: 'partner' });
    expect(await verify(await signedRequest(hmacClient({ key: OLD_SECRET })))).toEqual({ ok: true, identity: 'partner' });
    const retired = { ...policy, keys: { partner: { algorithm: 'hmac-sha256', key: SECRET } } } as const;
    expect(await verify(await signedRequest(hmacClient({ key: OLD_SECRET })), { policy: retired })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  test('a key id may hold keys of both algorithms (moving from HMAC to Ed25519)', async () => {
    const mixed: HttpSignaturePolicy = { keys: { partner: [{ algorithm: 'hmac-sha256', key: SECRET }, { algorithm: 'ed25519', key: TEST_KEY_ED25519_PUBLIC }] } };
    expect(await verify(await signedRequest(hmacClient()), { policy: mixed })).toEqual({ ok: true, identity: 'partner' });
    expect(await verify(await signedRequest(edClient({ keyId: 'partner' })), { policy: mixed })).toEqual({ ok: true, identity: 'partner' });
  });

  test('alg that does not match the key id’s keys: unsupported_algorithm, before any crypto', async () => {
    const request = await signedRequest(edClient({ keyId: 'partner' }));
    expect(await verify(request)).toEqual({ ok: false, reason: 'unsupported_algorithm' });
  });

  test('an algorithm Signet does not implement: unsupported_algorithm', async () => {
    const request = await signedRequest(hmacClient());
    const input = request.headers.get('signature-input')!.replace('alg="hmac-sha256"', 'alg="rsa-pss-sha512"');
    expect(await verify(altered(request, { headers: { 'signature-input': input } }))).toEqual({ ok: false, reason: 'unsupported_algorithm' });
  });

  test('without alg, the key decides: an Ed25519 signature checked against an HMAC key fails', async () => {
    const request = await signedRequest(edClient({ keyId: 'partner', includeAlgorithm: false }));
    expect(await verify(request)).toEqual({ ok: false, reason: 'signature_mismatch' });
  });
});

describe('policy and malformed input', () => {
  test('requiredComponents must be covered', async () => {
    const strict = { ...policy, requiredComponents: ['@method', '@target-uri', 'x-request-id'] };
    const request = await signedRequest(hmacClient(), { headers: { 'x-request-id': 'r-1' } });
    expect(await verify(request, { policy: strict })).toEqual({ ok: false, reason: 'missing_component' });
  });

  test('the default requires @method and @target-uri', async () => {
    const request = await signedRequest(hmacClient({ components: ['@method', '@path'] }));
    expect(await verify(request)).toEqual({ ok: false, reason: 'missing_component' });
  });

  test('a body that is not covered by content-digest is refused', async () => {
    const client = httpSignature({ keyId: 'partner', algorithm: 'hmac-sha256', key: SECRET, contentDigest: false });
    const request = await signedRequest(client, { method: 'POST', body: 'x' });
    expect(await verify(request)).toEqual({ ok: false, reason: 'missing_component' });
  });

  test.each([
    ['Signature without Signature-Input', { 'signature-input': null }],
    ['Signature-Input without Signature', { signature: null }],
    ['an unparseable Signature-Input', { 'signature-input': 'sig1=("@method"' }],
    ['an unparseable Signature', { signature: 'sig1=:not base64!:' }],
    ['labels that do not pair up', { signature: 'other=:AAAA:' }],
    ['a Signature that is not a byte sequence', { signature: 'sig1="abc"' }],
    ['created that is not an integer', { 'signature-input': 'sig1=("@method" "@target-uri");created="now";keyid="partner";nonce="n"' }],
    ['a covered component with parameters', { 'signature-input': 'sig1=("@method" "@target-uri" "content-type";sf);created=1700000000;keyid="partner";nonce="n"' }],
    ['an unsupported derived component', { 'signature-input': 'sig1=("@method" "@target-uri" "@status");created=1700000000;keyid="partner";nonce="n"' }],
    ['a component covered twice', { 'signature-input': 'sig1=("@method" "@target-uri" "@method");created=1700000000;keyid="partner";nonce="n"' }],
  ])('%s → malformed_credentials', async (_, headers) => {
    const request = await signedRequest(hmacClient());
    expect(await verify(altered(request, { headers }))).toEqual({ ok: false, reason: 'malformed_credentials' });
  });

  test('no keyid, or none of ours: unknown_key', async () => {
    const request = await signedRequest(hmacClient());
    const noKeyId = request.headers.get('signature-input')!.replace(';keyid="partner"', '');
    expect(await verify(altered(request, { headers: { 'signature-input': noKeyId } }))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  test('of several signatures, the one with a known key id is verified', async () => {
    const request = await signedRequest(hmacClient());
    const input = `proxy=("@method");created=1700000000;keyid="someone-else", ${request.headers.get('signature-input')!}`;
    const signature = `proxy=:AAAA:, ${request.headers.get('signature')!}`;
    expect(await verify(altered(request, { headers: { 'signature-input': input, signature } }))).toEqual({ ok: true, identity: 'partner' });
  });
});
