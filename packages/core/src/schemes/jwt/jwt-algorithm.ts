import { SignetConfigError } from '../../errors/config-error.js';

/**
 * The JWS algorithms Signet signs JWTs with (RFC 7518 §3.1, RFC 8037 §3.1 for EdDSA). Each is
 * SHA-256 based and in Web Crypto on every runtime Signet supports. `HS256` needs a secret the
 * server shares; prefer an asymmetric one, so the server only ever holds the public key.
 */
export type JwtAlgorithm = 'RS256' | 'PS256' | 'ES256' | 'EdDSA' | 'HS256';

/** What a key for an algorithm must be: its Web Crypto algorithm, and its JWK key type. */
export interface JwtAlgorithmKey {
  /** Web Crypto `algorithm.name` of a `CryptoKey` for it. */
  readonly name: string;
  /** `algorithm.hash.name` (RSA, HMAC) or `algorithm.namedCurve` (ECDSA), when there is one. */
  readonly hash?: string;
  readonly namedCurve?: string;
  /** JWK `kty` and, for curves, `crv` (RFC 7518 §6, RFC 8037 §2); undefined for HS256 (a Secret, not a JWK). */
  readonly kty?: 'RSA' | 'EC' | 'OKP';
  readonly crv?: string;
}

const KEYS: Readonly<Record<JwtAlgorithm, JwtAlgorithmKey>> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', kty: 'RSA' },
  PS256: { name: 'RSA-PSS', hash: 'SHA-256', kty: 'RSA' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256', kty: 'EC', crv: 'P-256' },
  EdDSA: { name: 'Ed25519', kty: 'OKP', crv: 'Ed25519' },
  HS256: { name: 'HMAC', hash: 'SHA-256' },
};

/** The supported algorithms, in the order error messages list them. */
export const JWT_ALGORITHMS = Object.keys(KEYS) as readonly JwtAlgorithm[];

/** Checks an `algorithm` option and returns what its key must be. */
export function checkJwtAlgorithm(value: unknown, field: string): { algorithm: JwtAlgorithm; key: JwtAlgorithmKey } {
  if (typeof value !== 'string' || !Object.hasOwn(KEYS, value)) {
    throw new SignetConfigError(field, `must be one of ${JWT_ALGORITHMS.join(', ')}`);
  }
  return { algorithm: value as JwtAlgorithm, key: KEYS[value as JwtAlgorithm] };
}
