import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, createRemoteJWKSet, EmbeddedJWK, jwtVerify } from 'jose';
import type { RunningProvider } from './start-provider.js';

/** What the resource server answers for an accepted request. */
export interface Accepted {
  readonly scheme: 'Bearer' | 'DPoP';
  /** From the provider's introspection response. */
  readonly client_id: string;
  readonly sub?: string;
  readonly scope?: string;
  readonly token_type?: string;
  readonly cnf?: { jkt?: string };
  /** The thumbprint of the key that signed the DPoP proof (DPoP only). */
  readonly proofJkt?: string;
}

/** Options for {@link startResourceServer}. */
export interface ResourceServerOptions {
  /** `DPoP`: demand `Authorization: DPoP` with a valid proof bound to the token (RFC 9449 §7). */
  scheme: 'Bearer' | 'DPoP';
  /** A DPoP nonce this server requires in proofs (RFC 9449 §9); none by default. */
  dpopNonce?: string;
  /**
   * `introspection` (default): ask the provider (RFC 7662). `jwt`: verify a JWT access token
   * (RFC 9068) locally with the provider's JWKS, the issuer, and this server's origin as audience.
   */
  validation?: 'introspection' | 'jwt';
}

/** A resource server that trusts only what the provider says about a token. */
export interface ResourceServer {
  readonly origin: string;
  readonly counters: { requests: number; accepted: number; refused: number; nonceChallenges: number };
  close(): Promise<void>;
}

/**
 * A small resource server of our own that validates every token against the provider's
 * introspection endpoint (RFC 7662) with its own client credentials, so nothing of Signet's is
 * on the checking side. In DPoP mode it also verifies the proof the way RFC 9449 §4.3 and §7.1
 * say: signature with the embedded key, `typ`, `htm`, `htu`, `ath`, a fresh `iat`, a `jti` never
 * seen before, the nonce it asked for, and the key's thumbprint equal to the token's `cnf.jkt`.
 */
export async function startResourceServer(provider: RunningProvider, options: ResourceServerOptions): Promise<ResourceServer> {
  const counters = { requests: 0, accepted: 0, refused: 0, nonceChallenges: 0 };
  const seenJtis = new Set<string>();
  let origin = '';
  const jwks = createRemoteJWKSet(new URL(provider.endpoints.jwks));

  // RFC 9068 §4: typ at+jwt, the issuer, our audience; a bad token is inactive, as introspection says.
  async function verifyJwt(token: string): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: provider.issuer, audience: origin, typ: 'at+jwt' });
      return { ...payload, active: true, token_type: payload.cnf === undefined ? 'Bearer' : 'DPoP' };
    } catch {
      return { active: false };
    }
  }

  async function check(request: IncomingMessage): Promise<Accepted | { refuse: string; nonce?: boolean }> {
    const [scheme, token, extra] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== options.scheme || token === undefined || token === '' || extra !== undefined) return { refuse: 'invalid_request' };
    const introspection = options.validation === 'jwt' ? await verifyJwt(token) : await introspect(provider, token);
    if (introspection.active !== true) return { refuse: 'invalid_token' };
    const jkt = (introspection.cnf as { jkt?: string } | undefined)?.jkt;
    const accepted = { scheme: options.scheme, ...introspection } as unknown as Accepted;
    // RFC 9449 §7.2: a bound token presented as a bearer token is refused.
    if (options.scheme === 'Bearer') return jkt === undefined ? accepted : { refuse: 'invalid_token' };

    const proof = request.headers.dpop;
    if (typeof proof !== 'string' || jkt === undefined) return { refuse: 'invalid_token' };
    try {
      const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
      const url = new URL(request.url ?? '/', origin);
      const proofJkt = await calculateJwkThumbprint(protectedHeader.jwk!);
      if (
        payload.htm !== request.method ||
        payload.htu !== `${url.origin}${url.pathname}` ||
        payload.ath !== createHash('sha256').update(token).digest('base64url') ||
        typeof payload.iat !== 'number' ||
        // RFC 9449 §11.1: with a server nonce, the nonce proves freshness (oidc-provider checks
        // iat only without one too). Tests move the client's clock ahead of real time.
        (options.dpopNonce === undefined && Math.abs(Date.now() / 1000 - payload.iat) > 60) ||
        typeof payload.jti !== 'string' ||
        seenJtis.has(payload.jti) ||
        proofJkt !== jkt
      ) {
        return { refuse: 'invalid_token' };
      }
      seenJtis.add(payload.jti);
      if (options.dpopNonce !== undefined && payload.nonce !== options.dpopNonce) return { refuse: 'use_dpop_nonce', nonce: true };
      return { ...accepted, proofJkt };
    } catch {
      return { refuse: 'invalid_token' };
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    counters.requests++;
    check(request).then(
      (result) => {
        if ('refuse' in result) {
          counters.refused++;
          if (result.nonce) {
            counters.nonceChallenges++;
            response.setHeader('dpop-nonce', options.dpopNonce!);
          }
          response.writeHead(401, { 'www-authenticate': `${options.scheme} error="${result.refuse}"` }).end();
          return;
        }
        counters.accepted++;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    counters,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** RFC 7662 §2: the resource server authenticates itself and asks about the token. */
export async function introspect(provider: RunningProvider, token: string): Promise<Record<string, unknown>> {
  const { clientId, clientSecret } = provider.introspector;
  const response = await fetch(provider.endpoints.introspection, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
  });
  if (response.status !== 200) throw new Error(`introspection answered HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
