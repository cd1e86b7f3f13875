import type { SignetCrypto } from '@signet/core';
import { parseAuthorization } from '../schemes/parse-authorization.js';
import type { VerificationFailureReason } from '../verification-result.js';
import type { BearerPolicy } from './bearer-policy.js';
import { certificateThumbprint } from './certificate-thumbprint.js';
import { checkBearerPolicy, type CheckedBearerPolicy } from './check-bearer-policy.js';
import type { TokenOutcome, TokenSchemeVerifier, TokenVerifierContext } from './token-scheme-verifier.js';
import { type AccessTokenCheck, claimTokenJti, hasScopes, verifyAccessToken } from './verify-access-token.js';
import { verifyDpopProof } from './verify-dpop-proof.js';

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The `Bearer` (RFC 6750) and, unless `dpop: false`, `DPoP` (RFC 9449 §7) scheme verifiers for one
 * {@link BearerPolicy}. Both check JWTs from the same trusted issuers.
 */
export function tokenVerifiers(policy: BearerPolicy, realm: string, now: () => number, crypto: SignetCrypto): TokenSchemeVerifier[] {
  const checked = checkBearerPolicy(policy, now, crypto);
  const bearer: TokenSchemeVerifier = {
    scheme: 'bearer',
    challenge: `Bearer realm="${realm}"`,
    verify: (request, context) => verifyToken('bearer', request, context, checked),
  };
  if (checked.dpop === undefined) return [bearer];
  const dpop: TokenSchemeVerifier = {
    scheme: 'dpop',
    // RFC 9449 §7.1: algs lists the proof algorithms we accept.
    challenge: `DPoP realm="${realm}", algs="${checked.algorithms.join(' ')}"`,
    verify: (request, context) => verifyToken('dpop', request, context, checked),
  };
  return [bearer, dpop];
}

async function verifyToken(scheme: 'bearer' | 'dpop', request: Request, context: TokenVerifierContext, policy: CheckedBearerPolicy): Promise<TokenOutcome | undefined> {
  const authorization = parseAuthorization(request.headers.get('authorization'));
  if (authorization?.scheme !== scheme) return undefined;
  const token = authorization.value;
  if (!B64TOKEN.test(token)) return refuse('malformed_credentials', 'the Authorization value is not a token');
  const nowMs = context.now();
  const check: AccessTokenCheck = { ...policy, nowMs };
  const verified = await verifyAccessToken(token, check);
  if (!verified.ok) return refuse(verified.reason, verified.description);
  const { payload, issuer } = verified;
  const cnf = typeof payload.cnf === 'object' && payload.cnf !== null ? (payload.cnf as Record<string, unknown>) : {};
  const dpop = policy.dpop;
  const nonceHeader = dpop?.nonces ? { 'dpop-nonce': dpop.nonces.current() } : undefined;

  if (scheme === 'bearer') {
    // RFC 9449 §7.2: a DPoP-bound token sent as Bearer is a downgrade; refuse it.
    if (cnf.jkt !== undefined) return refuse('invalid_token', 'a DPoP-bound token must be sent with the DPoP scheme');
    if (dpop?.required) return refuse('invalid_token', 'this resource requires DPoP-bound tokens');
  } else {
    const proof = await verifyDpopProof({
      proof: request.headers.get('dpop'),
      method: request.method,
      url: new URL(request.url),
      accessToken: token,
      nowMs,
      iatWindowSeconds: dpop!.iatWindowSeconds,
      ...(dpop!.nonces && { nonces: dpop!.nonces }),
      jtiStore: policy.jtiStore,
      jtiPrefix: 'dpop-rs',
      algorithms: policy.algorithms,
      crypto: context.crypto,
    });
    if (!proof.ok) {
      if (proof.failure === 'use_dpop_nonce') return { ...refuse('use_dpop_nonce', proof.description), headers: nonceHeader! };
      if (proof.failure === 'replayed') return refuse('nonce_replay', proof.description, 'invalid_dpop_proof');
      if (proof.failure === 'store_full') return refuse('nonce_store_full', proof.description);
      return refuse('dpop_proof_invalid', proof.description);
    }
    // RFC 9449 §7.1: the token must be bound to the key that signed the proof.
    if (cnf.jkt !== proof.jkt) return refuse('invalid_token', 'the token is not bound to the DPoP proof key');
  }
  // RFC 8705 §3: a certificate-bound token is only good over TLS with that certificate.
  if (cnf['x5t#S256'] !== undefined) {
    const presented = context.clientCertificate === undefined ? undefined : await certificateThumbprint(context.clientCertificate, context.crypto);
    if (presented !== cnf['x5t#S256']) return refuse('invalid_token', 'the token is bound to another client certificate');
  }
  const required = issuer.requiredScope ?? policy.requiredScope;
  if (!hasScopes(payload, required)) return { ...refuse('insufficient_scope', 'the token lacks a required scope', undefined, `scope="${required.join(' ')}"`) };
  const replay = await claimTokenJti(issuer, payload, check);
  if (replay !== undefined) return refuse(replay, replay === 'nonce_replay' ? 'the token jti was already used' : 'the replay store is full');
  return { ok: true, identity: typeof payload.sub === 'string' ? payload.sub : issuer.issuer, claims: payload, ...(nonceHeader && { headers: nonceHeader }) };
}

// RFC 6750 §3.1 and RFC 9449 §7.1/§9: the error code each reason is reported with.
const ERRORS: Partial<Record<VerificationFailureReason, string>> = {
  malformed_credentials: 'invalid_request',
  insufficient_scope: 'insufficient_scope',
  dpop_proof_invalid: 'invalid_dpop_proof',
  use_dpop_nonce: 'use_dpop_nonce',
};

function refuse(reason: VerificationFailureReason, description: string, error?: string, extra?: string): TokenOutcome {
  const status = reason === 'malformed_credentials' ? 400 : reason === 'insufficient_scope' ? 403 : reason === 'nonce_store_full' ? 503 : 401;
  const code = error ?? ERRORS[reason] ?? 'invalid_token';
  // error_description is a quoted-string of %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3).
  const safe = description.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '');
  const params = reason === 'nonce_store_full' ? undefined : `error="${code}", error_description="${safe}"${extra ? `, ${extra}` : ''}`;
  return { ok: false, reason, status, ...(params && { challengeParams: params }) };
}
