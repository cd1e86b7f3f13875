import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** One call to the provider's token endpoint, as the provider itself answered it. */
export interface TokenCall {
  readonly grantType: string | undefined;
  readonly status: number;
  /** The OAuth error code of a refused request (`use_dpop_nonce`, `invalid_grant`), else undefined. */
  readonly error: string | undefined;
  /**
   * How the client authenticated, as seen on the wire. oidc-provider accepts client_secret_basic
   * and client_secret_post interchangeably for a secret client, so its answer alone cannot tell.
   */
  readonly clientAuth: 'basic' | 'post' | 'assertion' | 'none';
}

/** A running oidc-provider and what it saw. */
export interface RunningProvider {
  readonly provider: Provider;
  readonly issuer: string;
  /** The endpoints as the provider's own discovery document names them. */
  readonly endpoints: { token: string; introspection: string; jwks: string };
  /** Every token endpoint call, in order. */
  readonly tokenCalls: TokenCall[];
  /** `grant.revoked` events: oidc-provider revokes a grant when a rotated refresh token is reused. */
  readonly revokedGrants: string[];
  /** The resource server's introspection client (client_secret_basic). */
  readonly introspector: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

/** Options for {@link startProvider}. */
export interface StartProviderOptions {
  /** Client metadata (RFC 7591 names), besides the introspection client added here. */
  clients: Record<string, unknown>[];
  /** Feature switches merged over clientCredentials + introspection. */
  features?: Record<string, unknown>;
  /** Top-level configuration merged last (`rotateRefreshToken`, `ttl`, …). */
  configuration?: Record<string, unknown>;
}

const INTROSPECTOR = { clientId: 'resource-server', clientSecret: randomBytes(24).toString('base64url') };

/**
 * Starts oidc-provider (panva, OpenID Certified) on a loopback port chosen by the OS, with its
 * in-memory adapter and a signing key made for the run. The issuer is plain http on 127.0.0.1,
 * which the provider accepts in any mode (its constructor asks for an http or https URI; it has no
 * NODE_ENV switch): its https-only checks are on some client metadata URLs (`jwks_uri`,
 * `sector_identifier_uri`), and these clients register their keys inline. No check is disabled.
 * Access tokens live 60 s, so a client that moves its own clock past a minute believes they expired.
 */
export async function startProvider(options: StartProviderOptions): Promise<RunningProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The provider's signing key, made now rather than its published development key.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'provider-k1', alg: 'RS256', use: 'sig' }] },
    clients: [
      ...options.clients,
      { client_id: INTROSPECTOR.clientId, client_secret: INTROSPECTOR.clientSecret, grant_types: [], response_types: [], redirect_uris: [] },
    ],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Only the resource server may ask about tokens (the default lets any confidential client).
      introspection: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }) => client.clientId === INTROSPECTOR.clientId },
      ...options.features,
    },
    ttl: { AccessToken: 60, ClientCredentials: 60, RefreshToken: 24 * 3600, Grant: 24 * 3600 },
    // Cookies are never set by these tests; fixed keys silence the provider's dev warning.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ...options.configuration,
  });

  const tokenCalls: TokenCall[] = [];
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.method === 'POST' && ctx.path === '/token') {
      const body = ctx.body as { error?: unknown } | undefined;
      const params = ctx.oidc?.params ?? {};
      const grantType = typeof params.grant_type === 'string' ? params.grant_type : undefined;
      const clientAuth = /^basic /i.test(ctx.headers.authorization ?? '') ? 'basic' : params.client_secret !== undefined ? 'post' : params.client_assertion !== undefined ? 'assertion' : 'none';
      tokenCalls.push({ grantType, status: ctx.status, error: typeof body?.error === 'string' ? body.error : undefined, clientAuth });
    }
  });
  const revokedGrants: string[] = [];
  provider.on('grant.revoked', (_ctx, grantId) => revokedGrants.push(String(grantId)));

  server.on('request', provider.callback());
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  const endpoints = { token: need(discovery, 'token_endpoint'), introspection: need(discovery, 'introspection_endpoint'), jwks: need(discovery, 'jwks_uri') };

  return {
    provider,
    issuer,
    endpoints,
    tokenCalls,
    revokedGrants,
    introspector: INTROSPECTOR,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function need(discovery: Record<string, string>, name: string): string {
  const value = discovery[name];
  if (typeof value !== 'string') throw new Error(`the provider's discovery document has no ${name}`);
  return value;
}
