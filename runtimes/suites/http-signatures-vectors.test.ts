// RFC 9421 Appendix B.2.5 (hmac-sha256) and B.2.6 (ed25519), byte for byte, through the credential;
// the fixtures are the vitest suite's (packages/core/test/schemes/http-signatures/rfc9421-vectors.ts).
import { createAuthContext, createClock, type SignableRequest, utf8 } from '@signet/core';
import { httpSignature, signatureBase, signatureParamsList } from '@signet/core/http-signatures';
import { expect, test } from '../harness/index.js';
import { B25, B26, CREATED, TEST_KEY_ED25519, TEST_REQUEST, TEST_SHARED_SECRET } from '../../packages/core/test/schemes/http-signatures/rfc9421-vectors.js';

const testRequest = (): SignableRequest => ({ method: TEST_REQUEST.method, url: new URL(TEST_REQUEST.url), headers: new Headers(TEST_REQUEST.headers), body: utf8(TEST_REQUEST.body) });
const atCreated = () => createAuthContext({ clock: createClock({ now: () => CREATED * 1000 }), nonce: () => 'unused' });
// The B.2 vectors carry only created and keyid: no nonce, no alg, no Content-Digest of ours.
const asInTheRfc = { nonce: false, contentDigest: false, includeAlgorithm: false } as const;
const B25_COMPONENTS = ['date', '@authority', 'content-type'];
const B26_COMPONENTS = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];

export default function define(): void {
  test('B.2.5 signature base', () => {
    expect(signatureBase(testRequest(), signatureParamsList({ components: B25_COMPONENTS, created: CREATED, keyid: 'test-shared-secret' }))).toBe(B25.base);
  });

  test('B.2.5 Signature-Input and Signature (hmac-sha256)', async () => {
    const credential = httpSignature({ ...asInTheRfc, keyId: 'test-shared-secret', algorithm: 'hmac-sha256', key: TEST_SHARED_SECRET, components: B25_COMPONENTS, label: 'sig-b25' });
    const signed = await credential.authorize(testRequest(), atCreated());
    expect(signed.headers.get('signature-input')).toBe(B25.signatureInput);
    expect(signed.headers.get('signature')).toBe(B25.signature);
  });

  test('B.2.6 signature base', () => {
    expect(signatureBase(testRequest(), signatureParamsList({ components: B26_COMPONENTS, created: CREATED, keyid: 'test-key-ed25519' }))).toBe(B26.base);
  });

  // Ed25519 is deterministic (RFC 8032 §5.1.6), so the printed signature reproduces, in every runtime's Web Crypto.
  test('B.2.6 Signature-Input and Signature (ed25519, from the JWK)', async () => {
    const credential = httpSignature({ ...asInTheRfc, keyId: 'test-key-ed25519', algorithm: 'ed25519', key: TEST_KEY_ED25519, components: B26_COMPONENTS, label: 'sig-b26' });
    const signed = await credential.authorize(testRequest(), atCreated());
    expect(signed.headers.get('signature-input')).toBe(B26.signatureInput);
    expect(signed.headers.get('signature')).toBe(B26.signature);
  });
}
