import { describe, expect, it } from 'vitest';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import { decodePayload, fakeClock, ISSUER, json, tokenRequest } from './support.js';

function setup(refreshTokenLifetimeSeconds = 3600) {
  const clock = fakeClock();
  const server = createAuthorizationServer({ issuer: ISSUER, now: clock.now, refreshTokenLifetimeSeconds, clients: { app: { secret: 'app-secret' }, other: { secret: 'other-secret' } } });
  const refresh = (token: string, extra: Record<string, string> = {}, client = 'app') =>
    server.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: token, client_id: client, client_secret: `${client}-secret`, ...extra }));
  return { clock, server, refresh };
}

describe('refresh tokens rotate, and reuse revokes the family (RFC 9700 §4.14.2)', () => {
  it('every refresh returns a new refresh token and the old one is spent', async () => {
    const { server, refresh } = setup();
    const seed = server.issueRefreshToken({ clientId: 'app', scope: 'read write', subject: 'alice' });
    const first = await json(await refresh(seed));
    expect(first).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    expect(typeof first.refresh_token).toBe('string');
    expect(first.refresh_token).not.toBe(seed);
    expect(decodePayload(first.access_token as string)).toMatchObject({ sub: 'alice', client_id: 'app' });
    const second = await json(await refresh(first.refresh_token as string));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(server.counters.tokenRequests).toEqual({ client_credentials: 0, refresh_token: 2, other: 0 });
    expect(server.counters.accessTokensIssued).toBe(2);
  });

  it('presenting a spent token answers invalid_grant and revokes the newest token of its family', async () => {
    const { server, refresh } = setup();
    const seed = server.issueRefreshToken({ clientId: 'app', scope: 'read' });
    const unrelated = server.issueRefreshToken({ clientId: 'app', scope: 'read' });
    const rotated = (await json(await refresh(seed))).refresh_token as string;
    const reuse = await refresh(seed);
    expect(reuse.status).toBe(400);
    expect(await json(reuse)).toEqual({ error: 'invalid_grant', error_description: 'the refresh token is reused' });
    // The legitimate holder's current token died with the family...
    expect(await json(await refresh(rotated))).toEqual({ error: 'invalid_grant', error_description: 'the refresh token is revoked' });
    // ...but another family is untouched.
    expect((await refresh(unrelated)).status).toBe(200);
    expect(server.counters).toMatchObject({ refreshTokenReuse: 1, familiesRevoked: 1 });
    // Presenting it again finds the family already revoked: no new reuse, no second revocation.
    await refresh(seed);
    expect(server.counters).toMatchObject({ refreshTokenReuse: 1, familiesRevoked: 1 });
  });

  it('a token of another client, an unknown one and an expired one are invalid_grant without revoking', async () => {
    const { server, refresh, clock } = setup(60);
    const seed = server.issueRefreshToken({ clientId: 'app' });
    expect(await json(await refresh(seed, {}, 'other'))).toEqual({ error: 'invalid_grant', error_description: 'the refresh token is unknown' });
    expect((await json(await refresh('not-a-token'))).error).toBe('invalid_grant');
    clock.advance(60_000);
    expect(await json(await refresh(seed))).toEqual({ error: 'invalid_grant', error_description: 'the refresh token is expired' });
    expect(server.counters.familiesRevoked).toBe(0);
  });

  it('a refresh may narrow the scope but never widen it (RFC 6749 §6)', async () => {
    const { server, refresh } = setup();
    const seed = server.issueRefreshToken({ clientId: 'app', scope: 'read write' });
    expect((await json(await refresh(seed, { scope: 'read admin' }))).error).toBe('invalid_scope');
    // The failed attempt did not spend the token.
    const narrowed = await json(await refresh(seed, { scope: 'read' }));
    expect(narrowed.scope).toBe('read');
    expect(decodePayload(narrowed.access_token as string).scope).toBe('read');
  });

  it('issueRefreshToken refuses an unknown client', () => {
    const { server } = setup();
    expect(() => server.issueRefreshToken({ clientId: 'ghost' })).toThrow('clientId: is not a registered client');
  });
});
