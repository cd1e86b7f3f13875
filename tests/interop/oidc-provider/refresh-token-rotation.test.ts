import { bearer } from '@signet/core/bearer';
import { type ClientAuthMethod, refreshToken } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { clientClock } from './support/client-clock.js';
import { issueRefreshToken } from './support/issue-refresh-token.js';
import { type Accepted, startResourceServer } from './support/start-resource-server.js';
import { type RunningProvider, startProvider } from './support/start-provider.js';

// Refresh token rotation against oidc-provider, which consumes a refresh token when it rotates it
// and, if a consumed one is ever presented again, destroys it and revokes the whole grant
// (OAuth 2.0 Security BCP §4.14.2). A client that let two concurrent callers refresh with the same
// token would lose the session on the spot; these tests say it never does.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

const SECRET = 'confidential-spa-secret';
const clients = [
  { client_id: 'spa', token_endpoint_auth_method: 'none', grant_types: ['refresh_token'], response_types: [], redirect_uris: [] },
  { client_id: 'web', client_secret: SECRET, token_endpoint_auth_method: 'client_secret_basic', grant_types: ['refresh_token'], response_types: [], redirect_uris: [] },
];

async function start() {
  // rotateRefreshToken: true rotates on every use, for confidential clients too (the default
  // function would not rotate theirs).
  const provider = await startProvider({ clients, configuration: { rotateRefreshToken: true } });
  cleanups.push(provider.close);
  const resource = await startResourceServer(provider, { scheme: 'Bearer' });
  cleanups.push(resource.close);
  return { provider, resource };
}

const refreshCalls = (provider: RunningProvider) => provider.tokenCalls.filter((call) => call.grantType === 'refresh_token');
const ROUNDS = 5;
const CONCURRENCY = 50;

describe('refreshToken() rotation against oidc-provider', () => {
  it.each<[string, ClientAuthMethod, string | undefined]>([
    ['spa', 'none', undefined],
    ['web', 'client_secret_basic', SECRET],
  ])('%s (%s): 5 rounds of expiry with concurrent requests, one refresh per round, no invalid_grant, no reuse, and the grant still works', async (clientId, authMethod, clientSecret) => {
    const { provider, resource } = await start();
    const issued = await issueRefreshToken(provider, clientId);
    const persisted: string[] = [];
    const credential = bearer(
      refreshToken({ tokenEndpoint: provider.endpoints.token, clientId, authMethod, refreshToken: issued.refreshToken, ...(clientSecret === undefined ? {} : { clientSecret }) }),
      { onTokens: (tokens) => void persisted.push(tokens.refreshToken!.reveal()) },
    );
    const time = clientClock();
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });

    // Round 0 has no access token yet; rounds 1..5 start with the client's clock past expiry.
    for (let round = 0; round <= ROUNDS; round++) {
      if (round > 0) time.advance(61_000);
      const responses = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => api(`${resource.origin}/profile/${i}`)));
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect((await response.json()) as Accepted).toMatchObject({ client_id: clientId, sub: 'alice', scope: 'openid offline_access' });
      }
      expect(refreshCalls(provider)).toHaveLength(round + 1);
    }

    // Every refresh succeeded, each with the token the previous one returned.
    expect(refreshCalls(provider).map((call) => [call.status, call.error ?? null])).toEqual(Array.from({ length: ROUNDS + 1 }, () => [200, null]));
    expect(provider.revokedGrants).toEqual([]);
    expect(persisted).toHaveLength(ROUNDS + 1);
    expect(new Set([issued.refreshToken, ...persisted]).size).toBe(ROUNDS + 2);
    // The provider's view: each used token consumed (a timestamp), the last one live, six rotations.
    for (const used of [issued.refreshToken, ...persisted.slice(0, -1)]) expect(await provider.provider.RefreshToken.find(used)).toMatchObject({ consumed: expect.any(Number) });
    const latest = await provider.provider.RefreshToken.find(persisted.at(-1)!);
    expect(latest?.consumed).toBeFalsy();
    expect(latest?.rotations).toBe(ROUNDS + 1);

    // The grant still works: one more expiry, one more refresh, with the latest token.
    expect(await provider.provider.Grant.find(issued.grantId)).toBeDefined();
    time.advance(61_000);
    expect((await api(`${resource.origin}/profile`)).status).toBe(200);
    expect(refreshCalls(provider).at(-1)).toMatchObject({ status: 200, error: undefined });
    expect(provider.revokedGrants).toEqual([]);
  }, 60_000);

  it('control: the provider does detect reuse, so the zero above is a real zero; the client then ends the session with a typed error', async () => {
    const { provider, resource } = await start();
    const issued = await issueRefreshToken(provider, 'spa');
    const credential = bearer(refreshToken({ tokenEndpoint: provider.endpoints.token, clientId: 'spa', refreshToken: issued.refreshToken }));
    const time = clientClock();
    const api = withAuth(fetch, credential, { origins: resource.origin, clock: time.clock });
    expect((await api(`${resource.origin}/profile`)).status).toBe(200);

    // Someone (a stolen copy) presents the first, already rotated refresh token.
    const replay = await fetch(provider.endpoints.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: issued.refreshToken, client_id: 'spa' }),
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect(provider.revokedGrants).toEqual([issued.grantId]);

    // The client's own, latest refresh token died with the grant.
    time.advance(61_000);
    const failure = await api(`${resource.origin}/profile`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'session_ended', message: expect.stringContaining('invalid_grant') });
    expect(refreshCalls(provider).map((call) => call.error ?? call.status)).toEqual([200, 'invalid_grant', 'invalid_grant']);
  });
});
