import { base64url, type NonceStore, type SignetCrypto } from '@signet/core';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, type JWK, jwtVerify } from 'jose';
import type { DpopNonces } from './dpop-nonces.js';
import { normalizeHtu } from './normalize-htu.js';
import { claimNonce } from '../claim-nonce.js';

/** The asymmetric JWS algorithms accepted for DPoP proofs by default (RFC 9449 §4.2: never `none` or a MAC). */
export const DEFAULT_DPOP_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA', 'Ed25519'];

/** What a DPoP proof is checked against. */
export interface DpopProofCheck {
  /** The request's `DPoP` header value (`null` when absent). */
  readonly proof: string | null;
  readonly method: string;
  readonly url: URL;
  /** The access token the proof must be bound to through `ath` (at a resource server). */
  readonly accessToken?: string;
  readonly nowMs: number;
  /** How far `iat` may be from now, either way, in seconds. */
  readonly iatWindowSeconds: number;
  /** When set, the proof must carry one of these server nonces (RFC 9449 §8, §9). */
  readonly nonces?: DpopNonces;
  /** Where proof `jti`s are claimed (check 11 of RFC 9449 §4.3). */
  readonly jtiStore: NonceStore;
  /** A namespace for claimed `jti`s, so an authorization server and a resource can share a store. */
  readonly jtiPrefix: string;
  readonly algorithms: readonly string[];
  readonly crypto: SignetCrypto;
}

/** Why a proof was refused. `use_dpop_nonce` asks the client to retry with the nonce in `DPoP-Nonce`. */
export type DpopProofFailure = 'invalid_dpop_proof' | 'use_dpop_nonce' | 'replayed' | 'store_full';

/** The verdict: the JWK SHA-256 thumbprint of the proof key (RFC 7638), or why not. */
export type DpopProofResult =
  | { readonly ok: true; readonly jkt: string; readonly jwk: JWK }
  | { readonly ok: false; readonly failure: DpopProofFailure; readonly description: string };

const fail = (failure: DpopProofFailure, description: string): DpopProofResult => ({ ok: false, failure, description });

/**
 * Checks a DPoP proof, in the order of RFC 9449 §4.3. The `jti` is claimed last, once everything
 * else passed, so a bad proof cannot use up a good one's `jti`.
 */
export async function verifyDpopProof(check: DpopProofCheck): Promise<DpopProofResult> {
  // Check 1: exactly one DPoP header. Headers joins repeats with ", ", and a JWS has no comma.
  if (check.proof === null) return fail('invalid_dpop_proof', 'the request has no DPoP proof');
  if (check.proof.includes(',')) return fail('invalid_dpop_proof', 'the request has more than one DPoP header');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(check.proof); // check 2: a well-formed JWT
  } catch {
    return fail('invalid_dpop_proof', 'the DPoP proof is not a JWT');
  }
  // Checks 4 and 5: typ, and an asymmetric algorithm we accept (the allow-list has no MAC and no none).
  if (header.typ !== 'dpop+jwt') return fail('invalid_dpop_proof', 'the DPoP proof typ is not dpop+jwt');
  if (typeof header.alg !== 'string' || !check.algorithms.includes(header.alg)) return fail('invalid_dpop_proof', 'the DPoP proof alg is not accepted');
  let payload: Record<string, unknown>;
  try {
    // Checks 6 and 7: signed by the public key in its own jwk header (EmbeddedJWK refuses a private key).
    ({ payload } = await jwtVerify(check.proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...check.algorithms], currentDate: new Date(check.nowMs) }));
  } catch {
    return fail('invalid_dpop_proof', 'the DPoP proof signature or jwk header is invalid');
  }
  const jwk = header.jwk as JWK;
  if (typeof payload.jti !== 'string' || payload.jti === '') return fail('invalid_dpop_proof', 'the DPoP proof has no jti');
  if (typeof payload.iat !== 'number') return fail('invalid_dpop_proof', 'the DPoP proof has no iat');
  // Check 8: htm is the request's method (methods are case-sensitive, RFC 9110 §9.1).
  if (payload.htm !== check.method) return fail('invalid_dpop_proof', 'the DPoP proof htm does not match the request method');
  // Check 9: htu is the request URI without query and fragment, after normalisation.
  const htu = typeof payload.htu === 'string' ? normalizeHtu(payload.htu) : undefined;
  if (htu === undefined || htu !== normalizeHtu(check.url)) return fail('invalid_dpop_proof', 'the DPoP proof htu does not match the request URI');
  // Check 10: the server nonce. Checked after the signature, so a nonce is only handed to a holder of a key.
  if (check.nonces !== undefined && !check.nonces.accepts(payload.nonce)) {
    return fail('use_dpop_nonce', payload.nonce === undefined ? 'a DPoP nonce is required' : 'the DPoP nonce is stale');
  }
  // Check 11: iat within an acceptable window (§11.1).
  const nowSeconds = Math.floor(check.nowMs / 1000);
  if (Math.abs(nowSeconds - payload.iat) > check.iatWindowSeconds) return fail('invalid_dpop_proof', 'the DPoP proof iat is outside the accepted window');
  // Check 12 (resource servers): ath is base64url(SHA-256(ASCII(access token))), §4.2.
  if (check.accessToken !== undefined) {
    const ath = base64url(await check.crypto.sha256(check.accessToken));
    if (payload.ath !== ath) return fail('invalid_dpop_proof', 'the DPoP proof ath does not match the access token');
  }
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  // §11.1: a jti is remembered for as long as its iat would be accepted.
  const claim = await claimNonce(check.jtiStore, `${check.jtiPrefix}:${jkt}:${payload.jti}`, (payload.iat + check.iatWindowSeconds + 1) * 1000);
  if (claim === 'replayed') return fail('replayed', 'the DPoP proof jti was already used');
  if (claim === 'full') return fail('store_full', 'the DPoP replay store is full');
  return { ok: true, jkt, jwk };
}
