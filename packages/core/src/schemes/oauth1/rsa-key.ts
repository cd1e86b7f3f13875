import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';

/** An RSA key: a Web Crypto `CryptoKey` for RSASSA-PKCS1-v1_5, or a JWK (RFC 7518 §6.3) imported on first use. */
export type RsaKey = CryptoKey | JsonWebKey;

/** The hash of an RSA signature method (RFC 5849 §3.4.3 names SHA-1; RSA-SHA256 uses SHA-256). */
export type RsaHash = 'SHA-1' | 'SHA-256';

const ALGORITHM = 'RSASSA-PKCS1-v1_5';
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * Checks an RSA private key option for signing with `hash` and returns a function yielding the
 * `CryptoKey` (a JWK is imported once, on first use). A `CryptoKey` is bound to its hash by Web
 * Crypto, so it must be the one the method names. Errors name the field, never key material.
 */
export function rsaSigningKey(value: unknown, field: string, hash: RsaHash): () => Promise<CryptoKey> {
  if (isCryptoKey(value)) {
    checkCryptoKey(value, field, 'private');
    const keyHash = (value.algorithm as RsaHashedKeyAlgorithm).hash.name;
    if (keyHash !== hash) throw new SignetConfigError(field, `must be a CryptoKey for ${hash} (this one was imported for ${keyHash}); import it with hash ${hash} or pick the matching signatureMethod`);
    return () => Promise.resolve(value);
  }
  const jwk = checkJwk(value, field, 'private');
  let imported: Promise<CryptoKey> | undefined;
  return () => (imported ??= importJwk(jwk, hash, 'sign', field).catch((error: unknown) => {
    imported = undefined;
    throw error;
  }));
}

/**
 * Checks an RSA public key option for verifying and returns a function yielding the `CryptoKey`
 * for a hash, or `undefined` when the key cannot verify with that hash (a `CryptoKey` imported
 * for another one). A JWK is imported once per hash.
 */
export function rsaVerifyingKey(value: unknown, field: string): (hash: RsaHash) => Promise<CryptoKey | undefined> {
  if (isCryptoKey(value)) {
    checkCryptoKey(value, field, 'public');
    const keyHash = (value.algorithm as RsaHashedKeyAlgorithm).hash.name;
    return (hash) => Promise.resolve(hash === keyHash ? value : undefined);
  }
  const jwk = checkJwk(value, field, 'public');
  const imported = new Map<RsaHash, Promise<CryptoKey>>();
  return (hash) => {
    let key = imported.get(hash);
    if (key === undefined) {
      key = importJwk(jwk, hash, 'verify', field);
      imported.set(hash, key);
      key.catch(() => imported.delete(hash));
    }
    return key;
  };
}

function checkCryptoKey(key: CryptoKey, field: string, type: 'private' | 'public'): void {
  const usage = type === 'private' ? 'sign' : 'verify';
  if (key.algorithm.name !== ALGORITHM) throw new SignetConfigError(field, `must be an ${ALGORITHM} key (this CryptoKey is ${key.algorithm.name})`);
  if (key.type !== type) throw new SignetConfigError(field, `must be the ${type} key (this CryptoKey is ${key.type})`);
  if (!key.usages.includes(usage)) throw new SignetConfigError(field, `must be a CryptoKey allowed to ${usage} (its usages lack '${usage}')`);
}

function checkJwk(value: unknown, field: string, type: 'private' | 'public'): JsonWebKey {
  if (typeof value !== 'object' || value === null) throw new SignetConfigError(field, `must be an RSA ${type} key: a CryptoKey or a JWK`);
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new SignetConfigError(field, 'must be an RSA JWK (kty "RSA" with n and e, RFC 7518 §6.3)');
  if (type === 'private' && typeof jwk.d !== 'string') throw new SignetConfigError(field, 'must be the private key: a JWK with d (RFC 7518 §6.3.2)');
  if (type === 'public' && jwk.d !== undefined) throw new SignetConfigError(field, 'must be the public key only: remove d (a verifier never needs the private key)');
  // Only the key material: an alg, key_ops or use member could clash with the import's hash.
  const material: JsonWebKey = { kty: 'RSA', n: jwk.n, e: jwk.e };
  if (type === 'private') for (const member of PRIVATE_MEMBERS) if (typeof jwk[member] === 'string') material[member] = jwk[member] as string;
  return material;
}

function importJwk(jwk: JsonWebKey, hash: RsaHash, usage: 'sign' | 'verify', field: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', jwk, { name: ALGORITHM, hash }, false, [usage]).catch(() => {
    // No cause: a crypto library's message could quote the key.
    throw new SignetCredentialError('oauth1', `${field}: the RSA key could not be imported (is it a complete RSA JWK?)`);
  });
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}
