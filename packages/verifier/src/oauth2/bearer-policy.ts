import type { NonceStore } from '@signet/core';
import type { JSONWebKeySet, JWK } from 'jose';

/** Something that publishes a JWK Set, such as a mock {@link AuthorizationServer}. */
export interface JwksSource {
  jwks(): Promise<JSONWebKeySet>;
}

/**
 * One trusted token issuer and its keys. The same shape covers an authorization server's access
 * tokens (`keys` its JWKS, `typ: 'at+jwt'`) and a client's self-signed JWTs (`issuer` the
 * client id, `keys` its public JWK, usually `singleUse: true`).
 */
export interface BearerIssuer {
  /** The exact `iss` value. */
  issuer: string;
  /** Its public key(s): a JWK, an array, a JWK Set, or a source asked on each request. */
  keys: JWK | readonly JWK[] | JSONWebKeySet | JwksSource;
  /** The JOSE `typ` its tokens must carry (RFC 9068 §4 asks resource servers to require `at+jwt`). Default: not checked. */
  typ?: string;
  /** Scope(s) its tokens must hold; overrides the policy's `requiredScope`. `[]` requires none. */
  requiredScope?: string | readonly string[];
  /** Each token may be used once: `jti` is required and claimed until `exp` (for per-request JWTs). */
  singleUse?: boolean;
}

/** An authorization server given directly as an issuer: its `issuer`, its `jwks()`, and `typ: 'at+jwt'`. */
export interface AuthorizationServerIssuer extends JwksSource {
  readonly issuer: string;
}

/** How the verifier accepts `Authorization: Bearer <JWT>` (RFC 6750) and `Authorization: DPoP <JWT>` (RFC 9449). */
export interface BearerPolicy {
  /** Trusted issuers. A token whose `iss` is not one of them is `invalid_token`. */
  issuers: readonly (BearerIssuer | AuthorizationServerIssuer)[];
  /** This resource's identifier(s); a token's `aud` must name one (RFC 9068 §4). */
  audience: string | readonly string[];
  /** Scope(s) every token must hold (space-separated `scope` claim, RFC 9068 §2.2.3). Default none. */
  requiredScope?: string | readonly string[];
  /** Accepted JWS algorithms (default ES256, ES384, PS256, RS256, EdDSA, Ed25519; never `none` or HMAC). */
  algorithms?: readonly string[];
  /** Leeway for `exp`, `nbf` and `iat`, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Where single-use `jti`s and DPoP proof `jti`s are claimed (default: in memory, on the verifier's `now`). */
  nonceStore?: NonceStore;
  /** DPoP at this resource (RFC 9449 §7). `false` refuses the DPoP scheme; default: accepted. */
  dpop?:
    | false
    | {
        /** Refuse tokens that are not DPoP-bound (the Bearer scheme then always fails). Default `false`. */
        required?: boolean;
        /** Require a resource server nonce (RFC 9449 §9). Default `false`. */
        nonce?: boolean;
        /** Rotate that nonce after this many seconds (default: never). */
        rotateNonceAfterSeconds?: number;
        /** How far a proof's `iat` may be from now, in seconds (default 60). */
        iatWindowSeconds?: number;
      };
}
