import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/create-verifier.js';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import { startVerifierServer, type VerifierServer } from '../../src/server/start-verifier-server.js';
import { dpopProof, testKey } from './support.js';

let server: VerifierServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startVerifierServer with a mounted authorization server (loopback)', () => {
  it('serves metadata, JWKS and tokens that its own verifier accepts', async () => {
    server = await startVerifierServer({
      authorizationServer: (origin) => createAuthorizationServer({ issuer: origin, clients: { app: { secret: 'app-secret' } } }),
      verifier: ({ origin, authorizationServer }) => createVerifier({ bearer: { issuers: [authorizationServer!], audience: origin } }),
    });
    const { origin } = server;
    const metadata = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<string, string>;
    expect(metadata).toMatchObject({ issuer: origin, token_endpoint: `${origin}/token`, jwks_uri: `${origin}/.well-known/jwks.json` });
    const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);

    const tokenResponse = await fetch(metadata.token_endpoint!, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('app:app-secret')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const ok = await fetch(`${origin}/orders`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ verified: true, scheme: 'bearer', identity: 'app' });
    const refused = await fetch(`${origin}/orders`, { headers: { authorization: `Bearer ${access_token}x` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer realm="signet", error="invalid_token"');
    expect(server.authorizationServer?.counters.accessTokensIssued).toBe(1);
  });

  it('sends the resource DPoP-Nonce with use_dpop_nonce over HTTP', async () => {
    server = await startVerifierServer({
      authorizationServer: (origin) => createAuthorizationServer({ issuer: origin, clients: { app: { secret: 'app-secret' } } }),
      verifier: ({ origin, authorizationServer }) => createVerifier({ bearer: { issuers: [authorizationServer!], audience: origin, dpop: { nonce: true } } }),
    });
    const { origin } = server;
    const key = await testKey();
    const now = () => Math.floor(Date.now() / 1000);
    const tokenResponse = await fetch(`${origin}/token`, {
      method: 'POST',
      headers: { dpop: await dpopProof(key, { htm: 'POST', htu: `${origin}/token`, iat: now() }) },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'app-secret' }),
    });
    const { access_token, token_type } = (await tokenResponse.json()) as { access_token: string; token_type: string };
    expect(token_type).toBe('DPoP');
    const call = async (nonce?: string) =>
      fetch(`${origin}/orders`, {
        headers: { authorization: `DPoP ${access_token}`, dpop: await dpopProof(key, { htm: 'GET', htu: `${origin}/orders`, iat: now(), accessToken: access_token, ...(nonce && { nonce }) }) },
      });
    const first = await call();
    expect(first.status).toBe(401);
    expect(first.headers.get('www-authenticate')).toContain('error="use_dpop_nonce"');
    const nonce = first.headers.get('dpop-nonce');
    expect(nonce).toBeTruthy();
    const second = await call(nonce!);
    expect(second.status).toBe(200);
    expect(second.headers.get('dpop-nonce')).toBe(nonce);
  });

  it('keeps the plain form: a Verifier object and no authorization server', async () => {
    server = await startVerifierServer({ verifier: createVerifier({ basic: { users: { alice: 'pw' } } }) });
    expect(server.authorizationServer).toBeUndefined();
    expect((await fetch(`${server.origin}/token`, { method: 'POST' })).status).toBe(401);
  });
});
