import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, type SignableRequest, utf8 } from '@signet/core';
import { httpSignature, signatureBase, signatureParamsList } from '@signet/core/http-signatures';
import { B25, B26, CREATED, TEST_KEY_ED25519, TEST_REQUEST, TEST_SHARED_SECRET } from './rfc9421-vectors.js';

// RFC 9421 Appendix B.2.5 and B.2.6, byte for byte: the signature base and the signature value as
// printed in the RFC. Ed25519 is deterministic (RFC 8032 §5.1.6), so its signature reproduces too.

const testRequest = (): SignableRequest => ({
  method: TEST_REQUEST.method,
  url: new URL(TEST_REQUEST.url),
  headers: new Headers(TEST_REQUEST.headers),
  body: utf8(TEST_REQUEST.body),
});

const contextAtCreated = () => createAuthContext({ clock: createClock({ now: () => CREATED * 1000 }), nonce: () => 'unused' });

// The B.2 vectors carry only created and keyid: no nonce, no alg, no Content-Digest of ours.
const asInTheRfc = { nonce: false, contentDigest: false, includeAlgorithm: false } as const;

describe('RFC 9421 Appendix B.2.5: hmac-sha256 with test-shared-secret', () => {
  test('the signature base', () => {
    const params = signatureParamsList({ components: ['date', '@authority', 'content-type'], created: CREATED, keyid: 'test-shared-secret' });
    expect(signatureBase(testRequest(), params)).toBe(B25.base);
  });

  test('Signature-Input and Signature, through the credential', async () => {
    const credential = httpSignature({
      ...asInTheRfc,
      keyId: 'test-shared-secret',
      algorithm: 'hmac-sha256',
      key: TEST_SHARED_SECRET,
      components: ['date', '@authority', 'content-type'],
      label: 'sig-b25',
    });
    const signed = await credential.authorize(testRequest(), contextAtCreated());
    expect(signed.headers.get('signature-input')).toBe(B25.signatureInput);
    expect(signed.headers.get('signature')).toBe(B25.signature);
  });
});

describe('RFC 9421 Appendix B.2.6: ed25519 with test-key-ed25519', () => {
  test('the signature base', () => {
    const params = signatureParamsList({
      components: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'],
      created: CREATED,
      keyid: 'test-key-ed25519',
    });
    expect(signatureBase(testRequest(), params)).toBe(B26.base);
  });

  test('Signature-Input and Signature, through the credential, from the JWK', async () => {
    const credential = httpSignature({
      ...asInTheRfc,
      keyId: 'test-key-ed25519',
      algorithm: 'ed25519',
      key: TEST_KEY_ED25519,
      components: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'],
      label: 'sig-b26',
    });
    const signed = await credential.authorize(testRequest(), contextAtCreated());
    expect(signed.headers.get('signature-input')).toBe(B26.signatureInput);
    expect(signed.headers.get('signature')).toBe(B26.signature);
  });

  test('the same signature from a non-extractable CryptoKey', async () => {
    const key = await crypto.subtle.importKey('jwk', TEST_KEY_ED25519, { name: 'Ed25519' }, false, ['sign']);
    const credential = httpSignature({
      ...asInTheRfc,
      keyId: 'test-key-ed25519',
      algorithm: 'ed25519',
      key,
      components: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'],
      label: 'sig-b26',
    });
    const signed = await credential.authorize(testRequest(), contextAtCreated());
    expect(signed.headers.get('signature')).toBe(B26.signature);
  });
});
