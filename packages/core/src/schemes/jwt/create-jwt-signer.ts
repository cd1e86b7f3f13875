import { SignJWT } from 'jose';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { checkText } from '../../options/check.js';
import { checkJwtAlgorithm, type JwtAlgorithm } from './jwt-algorithm.js';
import { jwtSigningKey } from './jwt-signing-key.js';

/** The options {@link createJwtSigner} reads; `jwt()` and `createClientAssertion()` both have them. */
export interface JwtSignerOptions {
  readonly algorithm?: unknown;
  readonly key?: unknown;
  readonly keyId?: unknown;
}

/** Signs claim sets as compact JWS (RFC 7515 §7.1) with one key. */
export interface JwtSigner {
  readonly algorithm: JwtAlgorithm;
  /** The `kid` header, when configured. */
  readonly keyId: string | undefined;
  /** The compact JWT. Rejects with {@link SignetCredentialError} (no key material) when signing fails. */
  sign(claims: Readonly<Record<string, unknown>>): Promise<string>;
}

/**
 * Checks `algorithm`, `key` and `keyId` and returns a signer. The one place Signet signs JWTs
 * (through jose), shared by `jwt()` and `createClientAssertion()`. The header is
 * `{ alg, typ: "JWT", kid }` (RFC 7519 §5.1; `kid` per RFC 7515 §4.1.4, only when given).
 */
export function createJwtSigner(options: JwtSignerOptions, scheme: string): JwtSigner {
  const { algorithm, key: spec } = checkJwtAlgorithm(options.algorithm, 'algorithm');
  const load = jwtSigningKey(options.key, algorithm, spec, 'key', scheme);
  const keyId = options.keyId === undefined ? undefined : checkText(options.keyId, 'keyId');
  const header = keyId === undefined ? { alg: algorithm, typ: 'JWT' } : { alg: algorithm, typ: 'JWT', kid: keyId };
  return {
    algorithm,
    keyId,
    async sign(claims) {
      const key = await load();
      try {
        return await new SignJWT(claims).setProtectedHeader(header).sign(key);
      } catch {
        // No cause: jose's message could describe the key; the algorithm is enough to act on.
        throw new SignetCredentialError(scheme, `signing the JWT with ${algorithm} failed`);
      }
    },
  };
}
