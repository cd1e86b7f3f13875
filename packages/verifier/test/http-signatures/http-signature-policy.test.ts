import { describe, expect, test } from 'vitest';
import { compileHttpSignaturePolicy, type HttpSignaturePolicy } from '../../src/http-signatures/http-signature-policy.js';
import { httpSignatureVerifier } from '../../src/http-signatures/http-signature-verifier.js';
import { expectConfigError, renderings, thrownBy } from '../support/config-error.js';
import { TEST_KEY_ED25519, TEST_KEY_ED25519_PUBLIC } from '../../../core/test/schemes/http-signatures/rfc9421-vectors.js';

const SECRET = 'partner-shared-secret-0123456789abcdef';
const compile = (policy: unknown) => () => compileHttpSignaturePolicy(policy as HttpSignaturePolicy);

describe('the http-signature policy is checked when the verifier is created', () => {
  test.each([
    [null, 'httpSignature', 'must be an options object'],
    [{ keys: [] }, 'httpSignature.keys', 'must be an object mapping each key id to its key(s)'],
    [{ keys: {} }, 'httpSignature.keys', 'must configure at least one key id'],
    [{ keys: { a: [] } }, 'httpSignature.keys.a', 'must list at least one key'],
    [{ keys: { a: 'secret' } }, 'httpSignature.keys.a', 'must be an options object'],
    [{ keys: { a: { algorithm: 'hs256', key: SECRET } } }, 'httpSignature.keys.a.algorithm', "must be one of 'hmac-sha256', 'ed25519'"],
    [{ keys: { a: { algorithm: 'hmac-sha256' } } }, 'httpSignature.keys.a.key', 'is required'],
    [
      { keys: { a: [{ algorithm: 'hmac-sha256', key: SECRET }, { algorithm: 'hmac-sha256', key: 'short' }] } },
      'httpSignature.keys.a[1].key',
      'must be at least 32 bytes for hmac-sha256 (RFC 2104 §3: no shorter than the hash output); generate one with 32 random bytes',
    ],
    [{ keys: { a: { algorithm: 'ed25519', key: TEST_KEY_ED25519 } } }, 'httpSignature.keys.a.key', 'must be the public key only: remove d (a verifier never needs the private key)'],
    [{ keys: { a: { algorithm: 'ed25519', key: SECRET } } }, 'httpSignature.keys.a.key', 'must be an Ed25519 public key: a CryptoKey or a JWK'],
    [{ keys: { a: { algorithm: 'hmac-sha256', key: SECRET } }, requiredComponents: ['@nope'] }, 'httpSignature.requiredComponents[0]', expect.stringContaining('is not a supported derived component')],
    [{ keys: { a: { algorithm: 'hmac-sha256', key: SECRET } }, toleranceSeconds: 0 }, 'httpSignature.toleranceSeconds', 'must be a positive integer'],
    [{ keys: { a: { algorithm: 'hmac-sha256', key: SECRET } }, requireNonce: 'yes' }, 'httpSignature.requireNonce', 'must be true or false'],
    [{ keys: { a: { algorithm: 'hmac-sha256', key: SECRET } }, nonceStore: {} }, 'httpSignature.nonceStore', 'must be a NonceStore (an object with claim(key, expiresAtMs))'],
  ])('%j → %s', (policy, field, message) => {
    if (typeof message === 'string') {
      expectConfigError(compile(policy), field, `${field}: ${message}`);
    } else {
      const error = thrownBy(compile(policy)) as { field: string; message: string };
      expect(error.field).toBe(field);
      expect(error.message).toEqual(message);
    }
  });

  test('a private CryptoKey is refused: the verifier takes the public key', async () => {
    const { privateKey } = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    expectConfigError(compile({ keys: { a: { algorithm: 'ed25519', key: privateKey } } }), 'httpSignature.keys.a.key', 'httpSignature.keys.a.key: must be the public key (this CryptoKey is private)');
  });

  test('an empty requiredComponents is allowed (the profile is the application’s, RFC 9421 §1.4)', () => {
    expect(compileHttpSignaturePolicy({ keys: { a: { algorithm: 'ed25519', key: TEST_KEY_ED25519_PUBLIC } }, requiredComponents: [] }).requiredComponents).toEqual([]);
  });

  test('defaults', () => {
    const compiled = compileHttpSignaturePolicy({ keys: { a: { algorithm: 'hmac-sha256', key: SECRET } } });
    expect(compiled.requiredComponents).toEqual(['@method', '@target-uri']);
    expect(compiled.toleranceSeconds).toBe(300);
    expect(compiled.requireNonce).toBe(true);
  });

  test('no error shows a key, however it is printed', () => {
    const canary = 'CANARY-5ecr3t';
    const errors = [
      thrownBy(compile({ keys: { a: { algorithm: 'hmac-sha256', key: canary } } })),
      thrownBy(compile({ keys: { a: { algorithm: 'hmac-sha256', key: `${canary}\u0000${canary}${canary}` } } })),
      thrownBy(() => httpSignatureVerifier({ keys: { a: { algorithm: 'ed25519', key: TEST_KEY_ED25519 } } }, 'signet')),
      thrownBy(compile({ keys: { a: { algorithm: 'ed25519', key: { ...TEST_KEY_ED25519_PUBLIC, x: `${canary}` } } } })),
    ];
    for (const error of errors) {
      for (const text of renderings(error)) {
        expect(text).not.toContain(canary);
        expect(text).not.toContain(TEST_KEY_ED25519.d);
      }
    }
  });
});
