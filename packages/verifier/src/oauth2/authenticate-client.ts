import { type NonceStore, type SignetCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { parseAuthorization } from '../schemes/parse-authorization.js';
import type { RegisteredClient } from './authorization-server-options.js';
import { decodeClientSecretBasic } from './decode-client-secret-basic.js';
import type { TokenForm } from './read-token-form.js';
import { claimNonce } from '../claim-nonce.js';

/** The client authentication methods (RFC 7591 §2 names). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

/** RFC 7523 §2.2: the one assertion type for `private_key_jwt`. */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The JWS algorithms accepted for client assertions: asymmetric only (no `client_secret_jwt`). */
export const ASSERTION_ALGORITHMS = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA', 'Ed25519'];

/** What client authentication needs besides the request. */
export interface ClientAuthContext {
  readonly clients: ReadonlyMap<string, RegisteredClient>;
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
  readonly jtiStore: NonceStore;
  readonly crypto: SignetCrypto;
}

/** Who the client is, or why not (`basic`: it tried HTTP Basic, so a 401 must challenge Basic, RFC 6749 §5.2). */
export type ClientAuthResult =
  | { readonly ok: true; readonly client: RegisteredClient; readonly method: ClientAuthMethod }
  | { readonly ok: false; readonly error: 'invalid_client' | 'invalid_request'; readonly description: string; readonly basic: boolean };

/**
 * Authenticates the client of a token request (RFC 6749 §2.3). Exactly one method may be used
 * (§2.3: "MUST NOT use more than one authentication method in each request"). Secrets are
 * compared as SHA-256 digests in constant time.
 */
export async function authenticateClient(request: Request, form: TokenForm, context: ClientAuthContext): Promise<ClientAuthResult> {
  const authorization = parseAuthorization(request.headers.get('authorization'));
  const basic = authorization?.scheme === 'basic';
  const used = [basic, form.has('client_secret'), form.has('client_assertion') || form.has('client_assertion_type')].filter(Boolean).length;
  if (used > 1) return { ok: false, error: 'invalid_request', description: 'more than one client authentication method was used', basic };
  const refuse = (description: string): ClientAuthResult => ({ ok: false, error: 'invalid_client', description, basic });

  if (basic) {
    const credentials = decodeClientSecretBasic(authorization.value);
    if (credentials === undefined) return refuse('the Basic credentials cannot be decoded');
    if (form.has('client_id') && form.get('client_id') !== credentials.clientId) return { ok: false, error: 'invalid_request', description: 'client_id does not match the authenticated client', basic };
    return checkSecret(context.clients.get(credentials.clientId), credentials.clientSecret, 'client_secret_basic', context.crypto, refuse);
  }
  if (form.has('client_secret')) {
    const clientId = form.get('client_id');
    if (clientId === undefined) return { ok: false, error: 'invalid_request', description: 'client_id is required with client_secret', basic };
    return checkSecret(context.clients.get(clientId), form.get('client_secret')!, 'client_secret_post', context.crypto, refuse);
  }
  if (form.has('client_assertion') || form.has('client_assertion_type')) return checkAssertion(form, context, refuse);

  const clientId = form.get('client_id');
  if (clientId === undefined) return refuse('no client authentication and no client_id');
  const client = context.clients.get(clientId);
  if (client === undefined) return refuse('unknown client');
  // A confidential client must authenticate (RFC 6749 §3.2.1).
  if (client.secret !== undefined || client.jwks !== undefined) return refuse('this client must authenticate');
  return { ok: true, client, method: 'none' };
}

async function checkSecret(
  client: RegisteredClient | undefined,
  presented: string,
  method: ClientAuthMethod,
  crypto: SignetCrypto,
  refuse: (description: string) => ClientAuthResult,
): Promise<ClientAuthResult> {
  // Hash even for an unknown client, so timing does not tell which client ids exist.
  const expected = await crypto.sha256(utf8(client?.secret?.reveal() ?? '\u0000unknown'));
  const equal = timingSafeEqual(expected, await crypto.sha256(utf8(presented)));
  if (client?.secret === undefined || !equal) return refuse('client authentication failed');
  return { ok: true, client, method };
}

// RFC 7523 §3 and OIDC Core §9 (private_key_jwt): iss = sub = client_id, aud = the token endpoint
// (OIDC) or the issuer (RFC 7523 allows any value identifying the AS), exp required, jti single-use.
async function checkAssertion(form: TokenForm, context: ClientAuthContext, refuse: (description: string) => ClientAuthResult): Promise<ClientAuthResult> {
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) return refuse(`client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
  const assertion = form.get('client_assertion');
  if (assertion === undefined) return refuse('client_assertion is missing');
  let clientId: unknown;
  try {
    clientId = decodeJwt(assertion).sub;
  } catch {
    return refuse('client_assertion is not a JWT');
  }
  if (typeof clientId !== 'string') return refuse('client_assertion has no sub');
  if (form.has('client_id') && form.get('client_id') !== clientId) return refuse('client_id does not match the client assertion');
  const client = context.clients.get(clientId);
  if (client?.jwks === undefined) return refuse('unknown client, or one without keys');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      issuer: clientId,
      subject: clientId,
      audience: [context.tokenEndpoint, context.issuer],
      algorithms: ASSERTION_ALGORITHMS,
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(context.nowMs),
      clockTolerance: context.toleranceSeconds,
    }));
  } catch {
    return refuse('client_assertion is invalid');
  }
  if (typeof payload.jti !== 'string' || payload.jti === '') return refuse('client_assertion has no jti');
  const claim = await claimNonce(context.jtiStore, `assertion:${clientId}:${payload.jti}`, ((payload.exp as number) + context.toleranceSeconds + 1) * 1000);
  if (claim !== 'claimed') return refuse(claim === 'replayed' ? 'client_assertion jti was already used' : 'cannot record the client_assertion jti');
  return { ok: true, client, method: 'private_key_jwt' };
}
