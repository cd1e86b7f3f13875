import type { NonceStore, SignetCrypto } from '@signet/core';
import type { RegisteredClient } from './authorization-server-options.js';
import type { AccessTokenSigner } from './access-token-signer.js';
import { authenticateClient } from './authenticate-client.js';
import { certificateThumbprint } from './certificate-thumbprint.js';
import type { DpopNonces } from './dpop-nonces.js';
import type { FaultInjector } from './token-endpoint-faults.js';
import { NO_STORE, oauthErrorResponse } from './oauth-error-response.js';
import { readTokenForm } from './read-token-form.js';
import type { RefreshTokenFamilies } from './refresh-token-families.js';
import { DEFAULT_DPOP_ALGORITHMS, verifyDpopProof } from './verify-dpop-proof.js';

/** Everything the token endpoint works with; counters are mutated in place. */
export interface TokenEndpointState {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly audience: string | readonly string[];
  readonly clients: ReadonlyMap<string, RegisteredClient>;
  readonly accessTokenLifetimeSeconds: number;
  readonly toleranceSeconds: number;
  readonly dpopIatWindowSeconds: number;
  readonly dpopNonces: DpopNonces | undefined;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly crypto: SignetCrypto;
  readonly jtiStore: NonceStore;
  readonly signer: AccessTokenSigner;
  readonly families: RefreshTokenFamilies;
  readonly faults: FaultInjector;
  readonly counts: { client_credentials: number; refresh_token: number; other: number; issued: number; nonceChallenges: number };
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space-delimited.
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/;

/** The token endpoint (RFC 6749 §3.2): `client_credentials` and `refresh_token`, with DPoP and mTLS binding. */
export async function handleTokenRequest(request: Request, clientCertificate: Uint8Array | undefined, state: TokenEndpointState): Promise<Response> {
  if (request.method !== 'POST') return oauthErrorResponse('invalid_request', 'the token endpoint takes POST', { status: 405, headers: { allow: 'POST' } });
  const form = await readTokenForm(request);
  if (typeof form === 'string') return oauthErrorResponse('invalid_request', form);
  const grantType = form.get('grant_type');
  state.counts[grantType === 'client_credentials' || grantType === 'refresh_token' ? grantType : 'other']++;
  const fault = await state.faults.apply(state.sleep);
  if (fault !== undefined) return fault;

  const nowMs = state.now();
  const auth = await authenticateClient(request, form, { ...state, nowMs });
  if (!auth.ok) {
    // RFC 6749 §5.2: a client that tried Basic gets 401 with a Basic challenge.
    const headers: Record<string, string> = auth.basic ? { 'www-authenticate': 'Basic realm="signet", charset="UTF-8"' } : {};
    return oauthErrorResponse(auth.error, auth.description, { headers });
  }
  const { client } = auth;
  if (grantType === undefined) return oauthErrorResponse('invalid_request', 'grant_type is missing');
  if (grantType !== 'client_credentials' && grantType !== 'refresh_token') return oauthErrorResponse('unsupported_grant_type', 'only client_credentials and refresh_token are supported');
  const requested = form.get('scope');
  if (requested !== undefined && !SCOPE.test(requested)) return oauthErrorResponse('invalid_scope', 'scope is malformed');

  // RFC 9449 §5: a DPoP header makes this a DPoP token request.
  const nonceHeaders = (): Record<string, string> => (state.dpopNonces ? { 'dpop-nonce': state.dpopNonces.current() } : {});
  let jkt: string | undefined;
  const proof = request.headers.get('dpop');
  if (proof !== null) {
    const checked = await verifyDpopProof({
      proof,
      method: request.method,
      url: new URL(request.url),
      nowMs,
      iatWindowSeconds: state.dpopIatWindowSeconds,
      ...(state.dpopNonces && { nonces: state.dpopNonces }),
      jtiStore: state.jtiStore,
      jtiPrefix: 'dpop-as',
      algorithms: DEFAULT_DPOP_ALGORITHMS,
      crypto: state.crypto,
    });
    if (!checked.ok) {
      if (checked.failure === 'use_dpop_nonce') {
        state.counts.nonceChallenges++;
        // RFC 9449 §8: 400 with error use_dpop_nonce and the nonce to use in DPoP-Nonce.
        return oauthErrorResponse('use_dpop_nonce', checked.description, { headers: nonceHeaders() });
      }
      return oauthErrorResponse('invalid_dpop_proof', checked.description, { headers: nonceHeaders() });
    }
    jkt = checked.jkt;
  } else if (client.requireDpop) {
    return oauthErrorResponse('invalid_dpop_proof', 'this client must send a DPoP proof');
  }

  let subject = client.id;
  let scope: string;
  let refreshToken: string | undefined;
  if (grantType === 'client_credentials') {
    // RFC 6749 §4.4: confidential clients only.
    if (auth.method === 'none') return oauthErrorResponse('unauthorized_client', 'a public client cannot use client_credentials');
    const granted = grantScope(requested, client.scope);
    if (granted === undefined) return oauthErrorResponse('invalid_scope', 'the requested scope exceeds what this client may have');
    scope = granted;
    // RFC 6749 §4.4.3: no refresh token for client_credentials.
  } else {
    const presented = form.get('refresh_token');
    if (presented === undefined) return oauthErrorResponse('invalid_request', 'refresh_token is missing');
    const redeemed = state.families.redeem(presented, client.id, nowMs);
    if (!redeemed.ok) return oauthErrorResponse('invalid_grant', `the refresh token is ${redeemed.failure === 'wrong_client' ? 'unknown' : redeemed.failure}`);
    const { grant } = redeemed;
    // RFC 9449 §5: a public client's refresh token is bound to its DPoP key.
    if (grant.jkt !== undefined && grant.jkt !== jkt) {
      state.families.unspend(presented);
      return oauthErrorResponse('invalid_grant', 'the refresh token is bound to another DPoP key');
    }
    // RFC 6749 §6: a narrower scope may be asked for, never a wider one.
    const granted = grantScope(requested, new Set(grant.scope.split(' ').filter(Boolean)));
    if (granted === undefined) {
      state.families.unspend(presented);
      return oauthErrorResponse('invalid_scope', 'the requested scope exceeds the original grant');
    }
    scope = granted;
    subject = grant.subject;
    const bind = auth.method === 'none' ? (grant.jkt ?? jkt) : undefined;
    refreshToken = state.families.issue({ clientId: client.id, subject, scope, ...(bind && { jkt: bind }) }, nowMs, redeemed.family).token;
  }

  const cnf: Record<string, string> = {};
  if (jkt !== undefined) cnf.jkt = jkt;
  if (clientCertificate !== undefined) cnf['x5t#S256'] = await certificateThumbprint(clientCertificate, state.crypto); // RFC 8705 §3
  const iat = Math.floor(nowMs / 1000);
  const accessToken = await state.signer.sign({
    iss: state.issuer,
    sub: subject,
    aud: typeof state.audience === 'string' ? state.audience : [...state.audience],
    iat,
    exp: iat + state.accessTokenLifetimeSeconds,
    client_id: client.id,
    ...(scope !== '' && { scope }),
    ...(Object.keys(cnf).length > 0 && { cnf }),
  });
  state.counts.issued++;
  const body = {
    access_token: accessToken,
    token_type: jkt === undefined ? 'Bearer' : 'DPoP',
    expires_in: state.accessTokenLifetimeSeconds,
    ...(scope !== '' && { scope }),
    ...(refreshToken !== undefined && { refresh_token: refreshToken }),
  };
  const headers = { 'content-type': 'application/json;charset=UTF-8', ...NO_STORE, ...(jkt !== undefined ? nonceHeaders() : {}) };
  return new Response(JSON.stringify(body), { status: 200, headers });
}

// The granted scope: the requested one if the client may have all of it, else undefined; with no
// request, everything the client may have (RFC 6749 §3.3 lets the server pick a default).
function grantScope(requested: string | undefined, allowed: ReadonlySet<string> | undefined): string | undefined {
  if (requested === undefined) return allowed === undefined ? '' : [...allowed].join(' ');
  const wanted = requested.split(' ');
  if (allowed !== undefined && !wanted.every((s) => allowed.has(s))) return undefined;
  return [...new Set(wanted)].join(' ');
}
