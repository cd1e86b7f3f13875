import { importJWK, importPKCS8 } from 'jose';
import { utf8 } from '../../encoding.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { Secret } from '../../secret/secret.js';
import type { JwtAlgorithm, JwtAlgorithmKey } from './jwt-algorithm.js';

/**
 * A key to sign JWTs with: a private `CryptoKey`, a private JWK, or a PKCS#8 PEM
 * (a `BEGIN PRIVATE KEY` block, as a string or a {@link Secret}); for `HS256`, the shared
 * secret as a string or a `Secret` (or an HMAC `CryptoKey`).
 */
export type JwtKey = CryptoKey | JsonWebKey | string | Secret;

/** Yields the `CryptoKey` to sign with; a JWK, PEM or secret is imported once, on first use. */
export type JwtKeyLoader = () => Promise<CryptoKey>;

// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_HMAC_BYTES = 32;
// RFC 7518 §3.3 and §3.5: RSA keys of 2048 bits or larger.
const MIN_RSA_BITS = 2048;
const PRIVATE_MEMBERS: Readonly<Record<'RSA' | 'EC' | 'OKP', readonly string[]>> = {
  RSA: ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'],
  EC: ['crv', 'x', 'y', 'd'],
  OKP: ['crv', 'x', 'd'],
};
const PEM = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n[A-Za-z0-9+/=\r\n]+-----END \1-----$/;

// The same JWK or Secret passed to createClientAssertion on every token request is imported once.
const loaders = new WeakMap<object, Map<JwtAlgorithm, JwtKeyLoader>>();

/**
 * Checks a signing key option for `algorithm` and returns its loader. Every check that can run
 * without importing runs here, so a wrong key fails at creation with {@link SignetConfigError};
 * an import that still fails rejects with {@link SignetCredentialError}. Neither names key
 * material, and keys imported here are not extractable.
 */
export function jwtSigningKey(value: unknown, algorithm: JwtAlgorithm, spec: JwtAlgorithmKey, field: string, scheme: string): JwtKeyLoader {
  if (value === undefined) throw new SignetConfigError(field, `is required: the private key (or, for HS256, the secret) to sign with`);
  if (isCryptoKey(value)) {
    checkCryptoKey(value, algorithm, spec, field);
    const ready = Promise.resolve(value);
    return () => ready;
  }
  const cacheable = typeof value === 'object' && value !== null;
  const cached = cacheable ? loaders.get(value)?.get(algorithm) : undefined;
  if (cached !== undefined) return cached;
  const load = algorithm === 'HS256' ? hmacKey(value, field, scheme) : spec.kty !== undefined && isText(value) ? pemKey(value, algorithm, field, scheme) : jwkKey(value, algorithm, spec, field, scheme);
  if (cacheable) {
    const byAlgorithm = loaders.get(value) ?? new Map<JwtAlgorithm, JwtKeyLoader>();
    byAlgorithm.set(algorithm, load);
    loaders.set(value, byAlgorithm);
  }
  return load;
}

function checkCryptoKey(key: CryptoKey, algorithm: JwtAlgorithm, spec: JwtAlgorithmKey, field: string): void {
  const actual = key.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string; modulusLength?: number };
  const what = [actual.name, actual.hash?.name, actual.namedCurve].filter(Boolean).join(' ');
  if (actual.name !== spec.name || (spec.hash !== undefined && actual.hash?.name !== spec.hash) || (spec.namedCurve !== undefined && actual.namedCurve !== spec.namedCurve)) {
    throw new SignetConfigError(field, `must be a CryptoKey for ${algorithm} (${[spec.name, spec.hash, spec.namedCurve].filter(Boolean).join(' ')}); this one is ${what}`);
  }
  const type = algorithm === 'HS256' ? 'secret' : 'private';
  if (key.type !== type) throw new SignetConfigError(field, `must be the ${type} key (this CryptoKey is ${key.type})`);
  if (!key.usages.includes('sign')) throw new SignetConfigError(field, "must be a CryptoKey allowed to sign (its usages lack 'sign')");
  if (actual.modulusLength !== undefined && actual.modulusLength < MIN_RSA_BITS) throw new SignetConfigError(field, `must be an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3)`);
}

function hmacKey(value: unknown, field: string, scheme: string): JwtKeyLoader {
  if (!isText(value)) throw new SignetConfigError(field, 'must be the shared secret for HS256: a string, a Secret or an HMAC CryptoKey');
  const bytes = utf8(value instanceof Secret ? value.reveal() : value);
  if (bytes.length < MIN_HMAC_BYTES) throw new SignetConfigError(field, `must be at least ${MIN_HMAC_BYTES} bytes for HS256 (RFC 7518 §3.2); generate one with 32 random bytes`);
  return once(() => globalThis.crypto.subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']), `${field}: the HS256 secret could not be imported`, scheme);
}

function pemKey(value: string | Secret, algorithm: JwtAlgorithm, field: string, scheme: string): JwtKeyLoader {
  const pem = (value instanceof Secret ? value.reveal() : value).trim();
  const label = PEM.exec(pem)?.[1];
  if (label === undefined) throw new SignetConfigError(field, 'must be a CryptoKey, a private JWK, or a PKCS#8 PEM (a BEGIN PRIVATE KEY block)');
  if (label !== 'PRIVATE KEY') {
    const hint = label.includes('PUBLIC') || label === 'CERTIFICATE' ? 'the private key is needed to sign' : label.includes('ENCRYPTED') ? 'decrypt it first' : 'convert it with `openssl pkcs8 -topk8 -nocrypt`';
    throw new SignetConfigError(field, `must be a PKCS#8 PEM (a BEGIN PRIVATE KEY block), not ${label}: ${hint}`);
  }
  return once(() => importPKCS8(pem, algorithm, { extractable: false }), `${field}: the PEM could not be imported as a ${algorithm} private key (is it a key of the right type?)`, scheme);
}

function jwkKey(value: unknown, algorithm: JwtAlgorithm, spec: JwtAlgorithmKey, field: string, scheme: string): JwtKeyLoader {
  if (typeof value !== 'object' || value === null || value instanceof Secret) throw new SignetConfigError(field, 'must be a CryptoKey, a private JWK, or a PKCS#8 PEM string');
  const jwk = value as Record<string, unknown>;
  const kty = spec.kty!;
  if (jwk.kty !== kty || (spec.crv !== undefined && jwk.crv !== spec.crv)) {
    throw new SignetConfigError(field, `must be a JWK for ${algorithm}: kty "${kty}"${spec.crv === undefined ? '' : `, crv "${spec.crv}"`} (RFC 7518 §6, RFC 8037 §2)`);
  }
  if (typeof jwk.d !== 'string') throw new SignetConfigError(field, 'must be the private key: a JWK with d');
  // Only the key material: alg, use, key_ops or ext could clash with the import (and ext could make it extractable).
  const material: Record<string, string> = { kty };
  for (const member of PRIVATE_MEMBERS[kty]) if (typeof jwk[member] === 'string') material[member] = jwk[member] as string;
  return once(() => importJWK(material, algorithm, { extractable: false }) as Promise<CryptoKey>, `${field}: the JWK could not be imported as a ${algorithm} private key (is it complete?)`, scheme);
}

/** Imports on first use, shares the import, and forgets a failure so the next call tries again. */
function once(load: () => Promise<CryptoKey>, message: string, scheme: string): JwtKeyLoader {
  let imported: Promise<CryptoKey> | undefined;
  return () =>
    (imported ??= load().catch(() => {
      imported = undefined;
      // No cause: a crypto library's message could quote the key.
      throw new SignetCredentialError(scheme, message);
    }));
}

function isText(value: unknown): value is string | Secret {
  return typeof value === 'string' || value instanceof Secret;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}
