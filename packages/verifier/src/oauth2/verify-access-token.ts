import type { NonceStore } from '@signet/core';
import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import type { VerificationFailureReason } from '../verification-result.js';
import type { JwksSource } from './bearer-policy.js';
import { claimNonce } from '../claim-nonce.js';

/** An issuer as the verifier uses it. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly keys: JSONWebKeySet | JwksSource;
  readonly typ: string | undefined;
  readonly requiredScope: readonly string[] | undefined;
  readonly singleUse: boolean;
}

/** What an access token is checked against. */
export interface AccessTokenCheck {
  readonly issuers: ReadonlyMap<string, TrustedIssuer>;
  readonly audience: readonly string[];
  readonly algorithms: readonly string[];
  readonly toleranceSeconds: number;
  readonly nowMs: number;
  readonly jtiStore: NonceStore;
}

/** A verified token, or why not. */
export type AccessTokenResult =
  | { readonly ok: true; readonly payload: JWTPayload; readonly issuer: TrustedIssuer }
  | { readonly ok: false; readonly reason: VerificationFailureReason; readonly description: string };

const fail = (reason: VerificationFailureReason, description: string): AccessTokenResult => ({ ok: false, reason, description });

/**
 * Verifies a JWT access token (RFC 9068 §4) or a self-signed client JWT: a trusted `iss`, a
 * signature by one of its keys with an allowed algorithm, `exp` required, `nbf`/`iat` honoured,
 * `aud` naming this resource, and the issuer's `typ` (a single-use `jti` is claimed later: {@link claimTokenJti}).
 */
export async function verifyAccessToken(token: string, check: AccessTokenCheck): Promise<AccessTokenResult> {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss; // unverified: only to pick the keys
  } catch {
    return fail('malformed_credentials', 'the token is not a JWT');
  }
  const issuer = typeof iss === 'string' ? check.issuers.get(iss) : undefined;
  if (issuer === undefined) return fail('invalid_token', 'the token issuer is not trusted');
  const jwks = 'jwks' in issuer.keys && typeof issuer.keys.jwks === 'function' ? await issuer.keys.jwks() : (issuer.keys as JSONWebKeySet);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: issuer.issuer,
      audience: [...check.audience],
      algorithms: [...check.algorithms],
      clockTolerance: check.toleranceSeconds,
      currentDate: new Date(check.nowMs),
      requiredClaims: issuer.singleUse ? ['exp', 'jti'] : ['exp'],
      ...(issuer.typ !== undefined && { typ: issuer.typ }),
    }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_JWT_EXPIRED') return fail('token_expired', 'the token expired');
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') return fail('unknown_key', 'no key of the issuer matches the token');
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return fail('signature_mismatch', 'the token signature is invalid');
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return fail('unsupported_algorithm', 'the token algorithm is not accepted');
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return fail('invalid_token', `the token ${String((error as { claim?: unknown }).claim)} claim is not acceptable`);
    return fail('invalid_token', 'the token is invalid');
  }
  return { ok: true, payload, issuer };
}

/**
 * Claims a single-use issuer's `jti` until the token would expire anyway (plus the leeway). Called
 * last, once every other check passed, so a forged request cannot use up a real token.
 */
export async function claimTokenJti(issuer: TrustedIssuer, payload: JWTPayload, check: AccessTokenCheck): Promise<VerificationFailureReason | undefined> {
  if (!issuer.singleUse) return undefined;
  const claim = await claimNonce(check.jtiStore, `jwt:${issuer.issuer}:${String(payload.jti)}`, ((payload.exp as number) + check.toleranceSeconds + 1) * 1000);
  return claim === 'claimed' ? undefined : claim === 'replayed' ? 'nonce_replay' : 'nonce_store_full';
}

/** Whether `payload.scope` (space-separated, RFC 9068 §2.2.3) holds every required scope. */
export function hasScopes(payload: JWTPayload, required: readonly string[]): boolean {
  const held = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
  return required.every((scope) => held.has(scope));
}
