import { randomBytes } from 'node:crypto';
import { dpop } from '@signet/core/dpop';
import { clientCredentials, refreshToken } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { clientClock } from './support/client-clock.js';
import { issueRefreshToken } from './support/issue-refresh-token.js';
import { type Accepted, introspect, startResourceServer } from './support/start-resource-server.js';
import { type RunningProvider, startProvider } from './support/start-provider.js';

// DPoP (RFC 9449) against oidc-provider with server nonces required on every token request
// (features.dPoP.nonceSecret + requireNonce), and a resource server of ours that requires its own
// nonce, verifies every proof and checks the key's thumbprint against the token's cnf.jkt.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

const SECRET = 'dpop-client-secret';
const RESOURCE_NONCE = 'resource-nonce-1';

async function start(moreClients: Record<string, unknown>[] = []) {
  const provider = await startProvider({
    clients: [
      ...moreClients,
      { client_id: 'app', client_secret: SECRET, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
      { client_id: 'spa', token_endpoint_auth_method: 'none', grant_types: ['refresh_token'], response_types: [], redirect_uris: [] },
    ],
    // The nonce secret must be 32 bytes; requireNonce applies to every DPoP proof it checks.
    features: { dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true } },
    configuration: { rotateRefreshToken: true },
  });
  cleanups.push(provider.close);
  const resource = await startResourceServer(provider, { scheme: 'DPoP', dpopNonce: RESOURCE_NONCE });
  cleanups.push(resource.close);
  return { provider, resource };
}

/** An ES256 key pair whose private half cannot be exported, and its RFC 7638 thumbprint. */
async function keyPair() {
  const key = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return { key, jkt: await calculateJwkThumbprint(await exportJWK(key.publicKey)) };
}

const calls = (provider: RunningProvider, grantType: string) => provider.tokenCalls.filter((call) => call.grantType === grantType).map((call) => call.error ?? call.status);

describe('dpop() against oidc-provider with server nonces', () => {
  it('client credentials: one use_dpop_nonce round trip at the token endpoint and one at the resource, a token bound to the client key, used as DPoP', async () => {
    const { provider, resource } = await start();
    const { key, jkt } = await keyPair();
    const credential = dpop(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'app', clientSecret: SECRET }), { key });
    const time = clientClock();
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });

    const first = await api(`${resource.origin}/orders`);
    expect(first.status).toBe(200);
    // The provider says: a DPoP token for this client, bound to our key; the proof was signed by it.
    expect((await first.json()) as Accepted).toMatchObject({ scheme: 'DPoP', client_id: 'app', token_type: 'DPoP', cnf: { jkt }, proofJkt: jkt });
    expect(calls(provider, 'client_credentials')).toEqual(['use_dpop_nonce', 200]);
    expect(resource.counters).toMatchObject({ nonceChallenges: 1, accepted: 1 });

    // Both nonces are known now: 50 concurrent requests, no new token, no new challenge.
    const again = await Promise.all(Array.from({ length: 50 }, (_, i) => api(`${resource.origin}/orders/${i}`)));
    for (const response of again) expect(((await response.json()) as Accepted).cnf?.jkt).toBe(jkt);
    expect(calls(provider, 'client_credentials')).toEqual(['use_dpop_nonce', 200]);
    expect(resource.counters).toMatchObject({ nonceChallenges: 1, accepted: 51, refused: 1 });

    // The client sees its token expire: one new token request, proven with the nonce it already has.
    time.advance(61_000);
    const later = await Promise.all(Array.from({ length: 50 }, () => api(`${resource.origin}/orders`)));
    for (const response of later) expect(response.status).toBe(200);
    expect(calls(provider, 'client_credentials')).toEqual(['use_dpop_nonce', 200, 200]);
    expect(resource.counters).toMatchObject({ nonceChallenges: 1, refused: 1 });
  });

  it('private_key_jwt with DPoP: the use_dpop_nonce re-send carries a new client assertion (oidc-provider refuses a jti it has seen)', async () => {
    const signing = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'svc-k1', alg: 'ES256' };
    const { provider, resource } = await start([
      { client_id: 'svc', token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] }, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    ]);
    const { key, jkt } = await keyPair();
    const credential = dpop(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'svc', privateKey: signing.privateKey, privateKeyId: 'svc-k1' }), { key });
    const response = await withAuth(fetch, credential, { origins: resource.origin })(`${resource.origin}/orders`);
    expect(await response.json()).toMatchObject({ client_id: 'svc', token_type: 'DPoP', cnf: { jkt } });
    // The assertion was checked (and its jti recorded) before the DPoP proof was refused.
    expect(provider.tokenCalls.map((call) => [call.clientAuth, call.error ?? call.status])).toEqual([
      ['assertion', 'use_dpop_nonce'],
      ['assertion', 200],
    ]);
  });

  it('refresh token rotation under DPoP: each refresh carries a proof with the provider nonce, each access token is bound to the key, no reuse', async () => {
    const { provider, resource } = await start();
    const { key, jkt } = await keyPair();
    const issued = await issueRefreshToken(provider, 'spa');
    const rotated: string[] = [];
    const credential = dpop(refreshToken({ tokenEndpoint: provider.endpoints.token, clientId: 'spa', refreshToken: issued.refreshToken }), {
      key,
      onTokens: (tokens) => void rotated.push(tokens.refreshToken!.reveal()),
    });
    const time = clientClock();
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });

    // One request first, so the resource's nonce is known before the concurrent ones (see the
    // it.fails below for what happens otherwise).
    expect((await api(`${resource.origin}/profile`)).status).toBe(200);
    for (let round = 1; round < 4; round++) {
      time.advance(61_000);
      const responses = await Promise.all(Array.from({ length: 20 }, () => api(`${resource.origin}/profile`)));
      for (const response of responses) expect((await response.json()) as Accepted).toMatchObject({ client_id: 'spa', sub: 'alice', token_type: 'DPoP', cnf: { jkt } });
    }
    expect(calls(provider, 'refresh_token')).toEqual(['use_dpop_nonce', 200, 200, 200, 200]);
    expect(provider.revokedGrants).toEqual([]);
    expect(new Set(rotated).size).toBe(4);
    // The latest refresh token is live at the provider.
    expect(await introspect(provider, rotated.at(-1)!)).toMatchObject({ active: true, client_id: 'spa' });
  });

  // Found by this suite (and fixed in core): every request racing the resource's first nonce
  // gets its one re-send, not only the one whose response taught the nonce.
  it('concurrent first requests to a resource that requires a nonce: every one is re-sent once with it and succeeds', async () => {
    const { provider, resource } = await start();
    const credential = dpop(clientCredentials({ tokenEndpoint: provider.endpoints.token, clientId: 'app', clientSecret: SECRET }));
    const api = withAuth(fetch, credential, { origins: resource.origin });
    const responses = await Promise.all(Array.from({ length: 20 }, () => api(`${resource.origin}/orders`)));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });
});
