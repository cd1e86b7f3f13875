import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';

/** An Ed25519 key as a JWK (RFC 8037 §2): `x` is the public key; a private key also has `d`. */
export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly d?: string;
  readonly [member: string]: unknown;
}

/** An Ed25519 key: a Web Crypto `CryptoKey`, or a JWK imported on first use. */
export type Ed25519Key = CryptoKey | Ed25519Jwk;

// 32 bytes, base64url without padding (RFC 8037 §2).
const KEY_BYTES = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks an Ed25519 private key option (a private `CryptoKey` usable for `sign`, or a JWK with
 * `d`) and returns a function that yields the `CryptoKey`, importing a JWK once, on first use.
 * Errors name the field, never key material.
 */
export function ed25519SigningKey(value: unknown, field: string): () => Promise<CryptoKey> {
  return ed25519Key(value, field, 'private');
}

/**
 * Checks an Ed25519 public key option (a public `CryptoKey` usable for `verify`, or a JWK without
 * `d`: a verifier never needs the private key) and returns a function that yields the `CryptoKey`.
 */
export function ed25519VerifyingKey(value: unknown, field: string): () => Promise<CryptoKey> {
  return ed25519Key(value, field, 'public');
}

function ed25519Key(value: unknown, field: string, type: 'private' | 'public'): () => Promise<CryptoKey> {
  const usage = type === 'private' ? 'sign' : 'verify';
  if (isCryptoKey(value)) {
    if (value.algorithm.name !== 'Ed25519') throw new SignetConfigError(field, `must be an Ed25519 key (this CryptoKey is ${value.algorithm.name})`);
    if (value.type !== type) throw new SignetConfigError(field, `must be the ${type} key (this CryptoKey is ${value.type})`);
    if (!value.usages.includes(usage)) throw new SignetConfigError(field, `must be a CryptoKey allowed to ${usage} (its usages lack '${usage}')`);
    return () => Promise.resolve(value);
  }
  if (typeof value !== 'object' || value === null) throw new SignetConfigError(field, `must be an Ed25519 ${type} key: a CryptoKey or a JWK`);
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new SignetConfigError(field, 'must be an Ed25519 JWK (kty "OKP", crv "Ed25519")');
  if (typeof jwk.x !== 'string' || !KEY_BYTES.test(jwk.x)) throw new SignetConfigError(field, 'must have x: 32 bytes, base64url (RFC 8037 §2)');
  if (type === 'private' && (typeof jwk.d !== 'string' || !KEY_BYTES.test(jwk.d))) throw new SignetConfigError(field, 'must have d: the private key, 32 bytes, base64url (RFC 8037 §2)');
  if (type === 'public' && jwk.d !== undefined) throw new SignetConfigError(field, 'must be the public key only: remove d (a verifier never needs the private key)');
  // Only the members Web Crypto needs: no alg/key_ops/use that could clash with the import.
  const material: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ...(type === 'private' ? { d: jwk.d as string } : {}) };
  let imported: Promise<CryptoKey> | undefined;
  return () =>
    (imported ??= globalThis.crypto.subtle.importKey('jwk', material, { name: 'Ed25519' }, false, [usage]).catch(() => {
      imported = undefined;
      // No cause: a crypto library's message could quote the key.
      throw new SignetCredentialError('http-signature', `${field}: the Ed25519 key could not be imported (does this runtime support Ed25519 in Web Crypto?)`);
    }));
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}
