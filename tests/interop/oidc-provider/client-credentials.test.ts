import { bearer } from '@signet/core/bearer';
import { clientCredentials, type ClientAuthMethod } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { clientClock } from './support/client-clock.js';
import { type Accepted, startResourceServer } from './support/start-resource-server.js';
import { type RunningProvider, startProvider } from './support/start-provider.js';

// Signet's client credentials grant against oidc-provider, an independent, OpenID Certified
// authorization server, on loopback. A resource server of ours accepts a token only if the
// provider's introspection endpoint says it is active, so what is checked is the provider's view.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

// A client id with a colon and a secret with characters that form-encoding changes: RFC 6749
// §2.3.1 has both form-urlencoded before Basic's base64, and oidc-provider decodes them so. A
// client that skipped the encoding would split the id at the colon and fail to authenticate.
// (A secret is VSCHAR, %x20-7E, RFC 6749 Appendix A.2: oidc-provider refuses anything else.)
const SECRET = 'p+ss/word:with%20 spaces&=';
const clients = [
  { client_id: 'reports:basic', client_secret: SECRET, token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
  { client_id: 'reports:post', client_secret: SECRET, token_endpoint_auth_method: 'client_secret_post', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
];

async function start(moreClients: Record<string, unknown>[] = []) {
  const provider = await startProvider({ clients: [...clients, ...moreClients] });
  cleanups.push(provider.close);
  const resource = await startResourceServer(provider, { scheme: 'Bearer' });
  cleanups.push(resource.close);
  return { provider, resource };
}

function clientCredentialsCalls(provider: RunningProvider) {
  return provider.tokenCalls.filter((call) => call.grantType === 'client_credentials');
}

describe('clientCredentials() against oidc-provider', () => {
  it.each<[ClientAuthMethod, string, 'basic' | 'post']>([
    ['client_secret_basic', 'reports:basic', 'basic'],
    ['client_secret_post', 'reports:post', 'post'],
  ])('%s: 100 concurrent requests share 1 token request; after the client sees it expire, 100 more share 1 more', async (authMethod, clientId, onTheWire) => {
    const { provider, resource } = await start();
    const time = clientClock();
    const credential = bearer(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId, clientSecret: SECRET, authMethod }));
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });

    const first = await Promise.all(Array.from({ length: 100 }, (_, i) => api(`${resource.origin}/orders/${i}`)));
    const bodies = await Promise.all(first.map(async (response) => ({ status: response.status, body: (await response.json()) as Accepted })));
    for (const { status, body } of bodies) {
      expect(status).toBe(200);
      // The provider says the token is active and was issued to this client, as a bearer token.
      expect(body).toMatchObject({ scheme: 'Bearer', client_id: clientId, token_type: 'Bearer' });
    }
    expect(clientCredentialsCalls(provider)).toEqual([{ grantType: 'client_credentials', status: 200, error: undefined, clientAuth: onTheWire }]);

    // The provider's tokens live 60 s; the client's clock jumps past that (the provider's does not).
    time.advance(61_000);
    const second = await Promise.all(Array.from({ length: 100 }, () => api(`${resource.origin}/orders`)));
    for (const response of second) {
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(clientCredentialsCalls(provider)).toHaveLength(2);
    expect(clientCredentialsCalls(provider).every((call) => call.status === 200 && call.clientAuth === onTheWire)).toBe(true);
    expect(resource.counters).toMatchObject({ requests: 200, accepted: 200, refused: 0 });
  }, 60_000);

  it('a wrong secret: the provider answers invalid_client, and the client ends the session with a typed error that holds no secret, after one request', async () => {
    const { provider, resource } = await start();
    const wrong = `${SECRET}-not-it`;
    const credential = bearer(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'reports:basic', clientSecret: wrong }));
    const api = withAuth(fetch, credential, { origins: resource.origin });
    const failure = await api(`${resource.origin}/orders`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'session_ended', message: expect.stringContaining('invalid_client') });
    // The token endpoint's own answer is kept as the cause.
    expect((failure as Error).cause).toMatchObject({ code: 'session_ended', reason: 'invalid_client', status: 401 });
    expect(`${String(failure)} ${JSON.stringify(failure)} ${String((failure as Error).cause)}`).not.toContain(wrong);
    // invalid_client is not transient: not retried.
    expect(clientCredentialsCalls(provider)).toEqual([{ grantType: 'client_credentials', status: 401, error: 'invalid_client', clientAuth: 'basic' }]);
    expect(resource.counters.requests).toBe(0);
  });

  it('private_key_jwt: an ES256 assertion signed with a key made now, checked against the client’s registered public JWKS', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'signet-k1', alg: 'ES256', use: 'sig' };
    const { provider, resource } = await start([
      {
        client_id: 'reports-jwt',
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [jwk] },
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ]);
    const credential = bearer(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'reports-jwt', privateKey, privateKeyId: 'signet-k1' }));
    const time = clientClock();
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });

    expect(await (await api(`${resource.origin}/reports`)).json()).toMatchObject({ scheme: 'Bearer', client_id: 'reports-jwt' });
    // A second token needs a second assertion: oidc-provider refuses a jti it has seen (replay).
    time.advance(61_000);
    expect(await (await api(`${resource.origin}/reports`)).json()).toMatchObject({ client_id: 'reports-jwt' });
    expect(clientCredentialsCalls(provider)).toEqual([
      { grantType: 'client_credentials', status: 200, error: undefined, clientAuth: 'assertion' },
      { grantType: 'client_credentials', status: 200, error: undefined, clientAuth: 'assertion' },
    ]);
  });

  it('resource (RFC 8707): the provider issues a JWT access token for that audience, which the resource verifies with the provider’s JWKS', async () => {
    let resourceOrigin = '';
    const provider = await startProvider({
      clients,
      features: {
        resourceIndicators: {
          enabled: true,
          // Only our resource server is known; anything else is invalid_target.
          getResourceServerInfo: (_ctx: unknown, indicator: string) => {
            if (indicator !== resourceOrigin) throw new Error(`unknown resource ${indicator}`);
            return { scope: 'orders:read orders:write', audience: indicator, accessTokenTTL: 60, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
          },
        },
      },
    });
    cleanups.push(provider.close);
    const resource = await startResourceServer(provider, { scheme: 'Bearer', validation: 'jwt' });
    cleanups.push(resource.close);
    resourceOrigin = resource.origin;

    const credential = bearer(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'reports:basic', clientSecret: SECRET, resource: resource.origin, scope: 'orders:read' }));
    const api = withAuth(fetch, credential, { origins: resource.origin });
    const responses = await Promise.all(Array.from({ length: 20 }, () => api(`${resource.origin}/orders`)));
    for (const response of responses) {
      expect(await response.json()).toMatchObject({ client_id: 'reports:basic', aud: resource.origin, iss: provider.issuer, scope: 'orders:read' });
    }
    expect(clientCredentialsCalls(provider)).toHaveLength(1);
  });
});
