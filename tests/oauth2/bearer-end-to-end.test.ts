import { SignetCredentialError, type SignetEvent } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { dpop } from '@signet/core/dpop';
import { clientCredentials, refreshToken } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedTime, startOAuthServer } from './support.js';

// The client, the mock authorization server and the resource, for real, over loopback. Time is
// shared and moved by hand; nothing sleeps.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('bearer() against the mock authorization server, over loopback', () => {
  it('client credentials: with an expired token, 1000 concurrent requests cause exactly 1 token request and all 1000 succeed', async () => {
    const time = sharedTime();
    const server = await startOAuthServer(time);
    close = server.close;
    const api = withAuth(fetch, bearer(clientCredentials({ tokenEndpoint: server.as.endpoints.token, clientId: 'app', clientSecret: 'app-secret' })), { origins: server.origin, clock: time.clock });
    expect((await api(`${server.origin}/warm-up`)).status).toBe(200);
    time.advance(61_000); // the 60-second token has expired
    const responses = await Promise.all(Array.from({ length: 1000 }, (_, i) => api(`${server.origin}/orders/${i}`)));
    const statuses = await Promise.all(responses.map(async (response) => ((await response.arrayBuffer()), response.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1000);
    expect(server.as.counters.tokenRequests.client_credentials).toBe(2);
  }, 60_000);

  it('refresh token rotation under concurrency: every refresh uses the latest token, and reuse is never detected', async () => {
    const time = sharedTime();
    const server = await startOAuthServer(time);
    close = server.close;
    const persisted: string[] = [];
    const credential = bearer(refreshToken({ tokenEndpoint: server.as.endpoints.token, clientId: 'spa', refreshToken: server.as.issueRefreshToken({ clientId: 'spa' }) }), {
      onTokens: (tokens) => void persisted.push(tokens.refreshToken!.reveal()),
    });
    const api = withAuth(fetch, credential, { origins: server.origin, clock: time.clock });
    for (let round = 0; round < 5; round++) {
      time.advance(61_000);
      const responses = await Promise.all(Array.from({ length: 100 }, () => api(`${server.origin}/profile`)));
      for (const response of responses) {
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    }
    expect(server.as.counters.tokenRequests.refresh_token).toBe(5);
    expect(server.as.counters.refreshTokenReuse).toBe(0);
    expect(server.as.counters.familiesRevoked).toBe(0);
    expect(new Set(persisted).size).toBe(5);
  }, 60_000);

  it('a token endpoint failing 30% of the time with delays: every request succeeds or ends in a typed error, none without a token, the session never ends', async () => {
    const time = sharedTime();
    const server = await startOAuthServer(time, { sleep: async (ms) => time.advance(ms) });
    close = server.close;
    server.as.faults.inject({ kind: 'fail_percent', percent: 30, seed: 7 });
    server.as.faults.inject({ kind: 'delay', ms: 250 });
    const events: SignetEvent[] = [];
    const credential = bearer(clientCredentials({ tokenEndpoint: server.as.endpoints.token, clientId: 'app', clientSecret: 'app-secret' }), { sleep: async () => undefined, retry: { retries: 2 } });
    const api = withAuth(fetch, credential, { origins: server.origin, clock: time.clock, onEvent: (event) => events.push(event) });
    let ok = 0;
    let failed = 0;
    for (let round = 0; round < 20; round++) {
      time.advance(61_000);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => api(`${server.origin}/orders`)));
      for (const result of results) {
        if (result.status === 'fulfilled') {
          expect(result.value.status).toBe(200);
          await result.value.arrayBuffer();
          ok++;
        } else {
          expect(result.reason).toBeInstanceOf(SignetCredentialError);
          expect(result.reason.code).toBe('token_refresh_failed');
          failed++;
        }
      }
    }
    expect(ok + failed).toBe(400);
    expect(ok).toBeGreaterThan(300);
    expect(events.some((event) => event.type === 'token.session.ended')).toBe(false);
    // Bounded: at most 3 attempts per refresh, one refresh per round (a failed round tries again per batch only once).
    expect(server.as.counters.tokenRequests.client_credentials).toBeLessThanOrEqual(20 * 3);
    expect(server.as.counters.faultsInjected).toBeGreaterThan(0);
  }, 60_000);

  it('private_key_jwt: the client authenticates with a signed assertion', async () => {
    const time = sharedTime();
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const server = await startOAuthServer(time, { clients: { svc: { jwks: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' } } } });
    close = server.close;
    const credential = bearer(clientCredentials({ tokenEndpoint: server.as.endpoints.token, clientId: 'svc', privateKey: await exportJWK(privateKey), privateKeyId: 'k1' }));
    const response = await withAuth(fetch, credential, { origins: server.origin, clock: time.clock })(`${server.origin}/reports`);
    expect(await response.json()).toMatchObject({ verified: true, scheme: 'bearer', identity: 'svc' });
  });
});

describe('dpop() against the mock authorization server, over loopback', () => {
  it('binds tokens to the key and answers server nonces once, at the token endpoint and at the resource', async () => {
    const time = sharedTime();
    const server = await startOAuthServer(time, { dpop: { nonce: true }, resourceDpopNonce: true });
    close = server.close;
    const api = withAuth(fetch, dpop(clientCredentials({ tokenEndpoint: server.as.endpoints.token, clientId: 'app', clientSecret: 'app-secret' })), { origins: server.origin, clock: time.clock });
    const first = await api(`${server.origin}/orders`);
    expect(await first.json()).toMatchObject({ verified: true, scheme: 'dpop', identity: 'app' });
    // One use_dpop_nonce at the token endpoint, then one at the resource: each answered once.
    expect(server.as.counters.dpopNonceChallenges).toBe(1);
    expect(server.as.counters.tokenRequests.client_credentials).toBe(2);
    const again = await Promise.all(Array.from({ length: 20 }, () => api(`${server.origin}/orders`)));
    for (const response of again) expect((await response.json()) as object).toMatchObject({ verified: true, scheme: 'dpop' });
    expect(server.as.counters.tokenRequests.client_credentials).toBe(2);
  });

  it('refuses a server that ignores the proof and issues a plain bearer token', async () => {
    const time = sharedTime();
    const server = await startOAuthServer(time);
    close = server.close;
    const fakeTokenEndpoint = (async () => Response.json({ access_token: 'plain', token_type: 'Bearer', expires_in: 60 })) as unknown as typeof fetch;
    const api = withAuth(fetch, dpop(clientCredentials({ tokenEndpoint: server.as.endpoints.token, clientId: 'app', clientSecret: 'app-secret', fetch: fakeTokenEndpoint })), { origins: server.origin, clock: time.clock });
    await expect(api(`${server.origin}/orders`)).rejects.toMatchObject({ code: 'token_request_failed' });
  });
});
