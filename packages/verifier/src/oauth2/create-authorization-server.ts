import { checkOptionsObject, createMemoryNonceStore, platformCrypto, SignetConfigError } from '@signet/core';
import type { JSONWebKeySet } from 'jose';
import { createAccessTokenSigner } from './access-token-signer.js';
import type { AuthorizationServerCounters } from './authorization-server-counters.js';
import { type AuthorizationServerOptions, checkClients, checkIssuer, checkSeconds } from './authorization-server-options.js';
import { ASSERTION_ALGORITHMS } from './authenticate-client.js';
import { createDpopNonces } from './dpop-nonces.js';
import { handleTokenRequest, type TokenEndpointState } from './handle-token-request.js';
import { NO_STORE, oauthErrorResponse } from './oauth-error-response.js';
import { createRefreshTokenFamilies } from './refresh-token-families.js';
import { createFaultInjector, type TokenEndpointFaults } from './token-endpoint-faults.js';
import { DEFAULT_DPOP_ALGORITHMS } from './verify-dpop-proof.js';

/** What the caller of {@link AuthorizationServer.handle} knows about the connection. */
export interface AuthorizationServerRequestContext {
  /** The client's TLS certificate (DER), verified by the TLS layer; tokens get `cnf["x5t#S256"]` (RFC 8705 §3). */
  clientCertificate?: Uint8Array;
}

/** A mock OAuth 2 authorization server, for tests and demos only. */
export interface AuthorizationServer {
  readonly issuer: string;
  /** Endpoint URLs, as published in the metadata. */
  readonly endpoints: { readonly token: string; readonly jwks: string; readonly metadata: string };
  /** Answers a request to one of its endpoints (404 for any other path). Never throws for a bad request. */
  handle(request: Request, context?: AuthorizationServerRequestContext): Promise<Response>;
  /** The public signing keys (the `jwks_uri` document). */
  jwks(): Promise<JSONWebKeySet>;
  /** The RFC 8414 metadata document. */
  metadata(): Record<string, unknown>;
  /** Issues a refresh token directly, as if a user had signed in: a new family. */
  issueRefreshToken(grant: { clientId: string; scope?: string; subject?: string; jkt?: string }): string;
  /** Fault switches for the token endpoint. */
  readonly faults: TokenEndpointFaults;
  /** A snapshot of the counters. */
  readonly counters: AuthorizationServerCounters;
  /** Replaces the DPoP nonce now (the previous one stays valid until the next rotation). */
  rotateDpopNonce(): void;
}

/**
 * Creates a mock OAuth 2 authorization server as a fetch-style handler (universal: Web Crypto via
 * jose). It issues RFC 9068 JWT access tokens for `client_credentials` and `refresh_token`,
 * authenticates clients with `client_secret_basic`, `client_secret_post` or `private_key_jwt`,
 * rotates refresh tokens and revokes a family on reuse, binds tokens to DPoP keys and client
 * certificates, and injects faults on demand. For tests and demos, never production: it keeps
 * everything in memory and its faults are a switch away.
 *
 * @example
 * ```ts
 * const as = createAuthorizationServer({ issuer: 'https://as.example', clients: { app: { secret: 's3cret' } } });
 * const response = await as.handle(new Request(as.endpoints.token, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret' }) }));
 * ```
 */
export function createAuthorizationServer(options: AuthorizationServerOptions): AuthorizationServer {
  checkOptionsObject(options, 'createAuthorizationServer(options)');
  const issuer = checkIssuer(options.issuer);
  const clients = checkClients(options.clients);
  for (const name of ['now', 'sleep'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new SignetConfigError(name, 'must be a function');
  }
  const now = options.now ?? Date.now;
  const crypto = options.crypto ?? platformCrypto;
  const audience = options.audience ?? issuer;
  if (typeof audience !== 'string' && (!Array.isArray(audience) || audience.some((a) => typeof a !== 'string'))) throw new SignetConfigError('audience', 'must be a string or an array of strings');
  const dpop = options.dpop === undefined ? {} : (checkOptionsObject(options.dpop, 'dpop') as NonNullable<AuthorizationServerOptions['dpop']>);
  const rotateAfterSeconds = dpop.rotateNonceAfterSeconds === undefined ? undefined : checkSeconds(dpop.rotateNonceAfterSeconds, 'dpop.rotateNonceAfterSeconds', 0);
  const dpopNonces = dpop.nonce === true ? createDpopNonces(rotateAfterSeconds === undefined ? {} : { rotateAfterSeconds }, now, crypto) : undefined;
  if (options.nonceStore !== undefined && typeof options.nonceStore?.claim !== 'function') throw new SignetConfigError('nonceStore', 'must be a NonceStore');

  const url = new URL(issuer);
  // RFC 8414 §3: the metadata lives at /.well-known/oauth-authorization-server followed by the issuer's path.
  const suffix = url.pathname === '/' ? '' : url.pathname;
  const endpoints = {
    token: `${issuer}/token`,
    jwks: `${url.origin}/.well-known/jwks.json${suffix}`,
    metadata: `${url.origin}/.well-known/oauth-authorization-server${suffix}`,
  };
  const faults = createFaultInjector();
  const state: TokenEndpointState = {
    issuer,
    tokenEndpoint: endpoints.token,
    audience,
    clients,
    accessTokenLifetimeSeconds: checkSeconds(options.accessTokenLifetimeSeconds, 'accessTokenLifetimeSeconds', 300),
    toleranceSeconds: options.clockToleranceSeconds === undefined ? 30 : checkSeconds(options.clockToleranceSeconds, 'clockToleranceSeconds', 30),
    dpopIatWindowSeconds: checkSeconds(dpop.iatWindowSeconds, 'dpop.iatWindowSeconds', 60),
    dpopNonces,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    crypto,
    jtiStore: options.nonceStore ?? createMemoryNonceStore({ now }),
    signer: createAccessTokenSigner(crypto),
    families: createRefreshTokenFamilies(checkSeconds(options.refreshTokenLifetimeSeconds, 'refreshTokenLifetimeSeconds', 86_400), crypto),
    faults,
    counts: { client_credentials: 0, refresh_token: 0, other: 0, issued: 0, nonceChallenges: 0 },
  };
  const metadata = () => ({
    issuer,
    token_endpoint: endpoints.token,
    jwks_uri: endpoints.jwks,
    grant_types_supported: ['client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
    dpop_signing_alg_values_supported: DEFAULT_DPOP_ALGORITHMS, // RFC 9449 §5.1
    tls_client_certificate_bound_access_tokens: true, // RFC 8705 §3.3
    response_types_supported: [],
  });
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...NO_STORE } });

  return {
    issuer,
    endpoints,
    async handle(request, context = {}) {
      const path = new URL(request.url).pathname;
      if (path === new URL(endpoints.token).pathname) return handleTokenRequest(request, context.clientCertificate, state);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        if (path === new URL(endpoints.jwks).pathname || path === new URL(endpoints.metadata).pathname) return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
      } else if (path === new URL(endpoints.jwks).pathname) {
        return json(await state.signer.jwks());
      } else if (path === new URL(endpoints.metadata).pathname) {
        return json(metadata());
      }
      return oauthErrorResponse('invalid_request', 'no such endpoint', { status: 404 });
    },
    jwks: () => state.signer.jwks(),
    metadata,
    issueRefreshToken({ clientId, scope = '', subject = clientId, jkt }) {
      if (!clients.has(clientId)) throw new SignetConfigError('clientId', 'is not a registered client');
      return state.families.issue({ clientId, subject, scope, ...(jkt !== undefined && { jkt }) }, now()).token;
    },
    faults,
    get counters(): AuthorizationServerCounters {
      const { client_credentials, refresh_token, other, issued, nonceChallenges } = state.counts;
      return {
        tokenRequests: { client_credentials, refresh_token, other },
        accessTokensIssued: issued,
        refreshTokenReuse: state.families.reuseDetections,
        familiesRevoked: state.families.revokedFamilies,
        dpopNonceChallenges: nonceChallenges,
        faultsInjected: faults.injected,
      };
    },
    rotateDpopNonce() {
      dpopNonces?.rotate();
    },
  };
}
