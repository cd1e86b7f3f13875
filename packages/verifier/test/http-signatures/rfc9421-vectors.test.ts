import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, utf8 } from '@signet/core';
import { httpSignature } from '@signet/core/http-signatures';
import { httpSignatureVerifier } from '../../src/http-signatures/http-signature-verifier.js';
import { B25, B26, CREATED, TEST_KEY_ED25519, TEST_KEY_ED25519_PUBLIC, TEST_REQUEST, TEST_SHARED_SECRET } from '../../../core/test/schemes/http-signatures/rfc9421-vectors.js';
import { verifierContext } from './support.js';

// The RFC's own signed messages (Appendix B.2.5, B.2.6), verified as received. Their signatures
// carry no nonce and cover none of @target-uri or content-digest, so the policy asks for neither.
const rfcPolicy = {
  keys: {
    'test-shared-secret': { algorithm: 'hmac-sha256', key: TEST_SHARED_SECRET },
    'test-key-ed25519': { algorithm: 'ed25519', key: TEST_KEY_ED25519_PUBLIC },
  },
  requiredComponents: [],
  requireNonce: false,
} as const;

// The B.2.5 and B.2.6 signatures do not cover the body, so the request is verified without it:
// with it, the policy's Content-Digest rule applies (see the last test).
const rfcRequest = (signature: { signatureInput: string; signature: string }, withBody = false) =>
  new Request(TEST_REQUEST.url, {
    method: TEST_REQUEST.method,
    headers: { ...TEST_REQUEST.headers, 'signature-input': signature.signatureInput, signature: signature.signature },
    ...(withBody ? { body: TEST_REQUEST.body } : {}),
  });

describe('the RFC 9421 Appendix B.2 signatures verify as printed', () => {
  const verifier = httpSignatureVerifier(rfcPolicy, 'signet');

  test.each([
    ['B.2.5 (hmac-sha256)', B25, 'test-shared-secret'],
    ['B.2.6 (ed25519)', B26, 'test-key-ed25519'],
  ])('%s', async (_, vector, keyId) => {
    const request = rfcRequest(vector);
    expect(await verifier.verify(request, verifierContext(request, CREATED * 1000))).toEqual({ ok: true, identity: keyId });
  });

  test('one changed covered header breaks them', async () => {
    for (const vector of [B25, B26]) {
      const request = rfcRequest(vector);
      request.headers.set('content-type', 'application/json; charset=utf-8');
      expect(await verifier.verify(request, verifierContext(request, CREATED * 1000))).toEqual({ ok: false, reason: 'signature_mismatch' });
    }
  });

  test('with its body, the same request is refused: a body must be covered through content-digest', async () => {
    const request = rfcRequest(B26, true);
    expect(await verifier.verify(request, verifierContext(request, CREATED * 1000))).toEqual({ ok: false, reason: 'missing_component' });
  });

  test("the test request's own sha-512 Content-Digest is checked when a signature covers it", async () => {
    const credential = httpSignature({ keyId: 'test-key-ed25519', algorithm: 'ed25519', key: TEST_KEY_ED25519, nonce: false, contentDigest: false, components: ['@method', '@target-uri', 'content-digest'] });
    const context = createAuthContext({ clock: createClock({ now: () => CREATED * 1000 }) });
    const signed = await credential.authorize({ method: 'POST', url: new URL(TEST_REQUEST.url), headers: new Headers(TEST_REQUEST.headers), body: utf8(TEST_REQUEST.body) }, context);
    const good = new Request(signed.url, { method: 'POST', headers: signed.headers, body: TEST_REQUEST.body });
    expect(await verifier.verify(good, verifierContext(good, CREATED * 1000))).toEqual({ ok: true, identity: 'test-key-ed25519' });
    const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: '{"hello": "World"}' });
    expect(await verifier.verify(tampered, verifierContext(tampered, CREATED * 1000))).toEqual({ ok: false, reason: 'digest_mismatch' });
  });
});
