import { createSendLoop, type OutgoingRequest, SignetCredentialError, type SignetEvent } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { TokenEndpointError } from '@signet/core/oauth2';
import { describe, expect, it } from 'vitest';
import { contextWith, countingSource, gate, manualClock, seeded } from '../../tokens/support.js';
import { fakeResource as resource } from './fake-resource.js';

const ORIGIN = 'https://api.example.com';

const request = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/things`), headers: new Headers(), body: undefined });

describe('bearer() through the send loop', () => {
  it('with an expired token, 1000 concurrent requests cause exactly one token request and all succeed', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: 60_000 });
    const credential = bearer(source);
    const loop = createSendLoop(credential, { origins: ORIGIN, clock: time.clock });
    const server = resource((authorization) => ({ status: authorization === `Bearer token-${calls.length}` ? 200 : 401 }));
    await loop.send(request(), server.transport);
    time.advance(61_000);
    const statuses = await Promise.all(Array.from({ length: 1000 }, () => loop.send(request(), server.transport)));
    expect(calls).toHaveLength(2);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(server.sent.slice(1).every((sent) => sent.authorization === 'Bearer token-2')).toBe(true);
  });

  it('the stale 401: a request sent with token A whose 401 arrives after token B exists is re-sent with B and causes no refresh', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const credential = bearer(source);
    const loop = createSendLoop(credential, { origins: ORIGIN, clock: time.clock });
    const slow = gate();
    // Token 1 was revoked by the server. Request 0 gets its 401 at once; request 1's 401 is held
    // back until request 0 has refreshed and succeeded with token 2.
    const server = resource(async (authorization, index) => {
      if (index === 1) await slow.promise;
      return { status: authorization === 'Bearer token-1' ? 401 : 200, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    });
    await credential.tokens?.token(contextWith(time.clock));
    const first = loop.send(request(), server.transport);
    const straggler = loop.send(request(), server.transport);
    expect(await first).toBe(200);
    expect(calls).toHaveLength(2);
    slow.open();
    expect(await straggler).toBe(200);
    expect(calls).toHaveLength(2);
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });

  it('a resource that always answers 401: exactly two attempts per request and a typed error, never a loop', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const loop = createSendLoop(bearer(source), { origins: ORIGIN, clock: time.clock });
    const server = resource(() => ({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }));
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => loop.send(request(), server.transport)));
    expect(server.sent).toHaveLength(20);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(SignetCredentialError);
      expect(error.code).toBe('auth_rejected');
    }
    // One refresh for all ten: the others' 401s were for the token already replaced.
    expect(calls).toHaveLength(2);
    // Every 401 was released: ten before the re-sends, ten turned into errors.
    expect(server.released.count).toBe(20);
  });

  it('a 401 on a redirect hop after the re-send refreshes nothing: the request has no re-send left', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const loop = createSendLoop(bearer(source), { origins: ORIGIN, clock: time.clock });
    const invalid = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    // 401 → refresh, re-send → 307 on the same origin → 401 again.
    const server = resource((_authorization, index) => (index === 1 ? { status: 307, headers: { location: '/elsewhere' } } : invalid));
    const error = await loop.send(request(), server.transport).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignetCredentialError);
    expect((error as SignetCredentialError).code).toBe('auth_rejected');
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
    // One refresh, for the first 401; the second would have rotated a refresh token for nothing.
    expect(calls).toHaveLength(2);
  });

  it('a 401 to a 503 retry after the re-send refreshes nothing either: one refresh, then auth_rejected', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const loop = createSendLoop(bearer(source), { origins: ORIGIN, clock: time.clock, retry: { sleep: async () => undefined } });
    const invalid = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    // 401 → refresh, re-send → 503 → retry → 401.
    const server = resource((_authorization, index) => (index === 1 ? { status: 503 } : invalid));
    const error = await loop.send(request(), server.transport).catch((caught: unknown) => caught);
    expect((error as SignetCredentialError).code).toBe('auth_rejected');
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
    expect(calls).toHaveLength(2);
  });

  it('does not refresh on insufficient_scope or on other statuses', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const loop = createSendLoop(bearer(source), { origins: ORIGIN, clock: time.clock });
    const scope = resource(() => ({ status: 401, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="admin"' } }));
    expect(await loop.send(request(), scope.transport)).toBe(401);
    const forbidden = resource(() => ({ status: 403 }));
    expect(await loop.send(request(), forbidden.transport)).toBe(403);
    expect(scope.sent).toHaveLength(1);
    expect(forbidden.sent).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('a token endpoint failing 30% of the time with delays: every request succeeds or ends in a typed error; none is sent without a token; the session never ends', async () => {
    const time = manualClock();
    const random = seeded(42);
    const sleeps: number[] = [];
    const { source, calls } = countingSource(time.clock, {
      lifetimeMs: 1_000,
      behaviour: async () => {
        // A delayed answer: the clock moves while the request is in flight.
        time.advance(Math.floor(random() * 300));
        if (random() < 0.3) throw random() < 0.5 ? new TypeError('fetch failed') : new TokenEndpointError('test_grant', 'token_refresh_failed', 'http_503', { retryAfterMs: 1_000 });
      },
    });
    const events: SignetEvent[] = [];
    const loop = createSendLoop(bearer(source, { sleep: async (ms) => void sleeps.push(ms), random, retry: { retries: 2 } }), { origins: ORIGIN, clock: time.clock, onEvent: (event) => events.push(event) });
    const server = resource((authorization) => ({ status: authorization?.startsWith('Bearer token-') ? 200 : 401 }));
    let succeeded = 0;
    let failed = 0;
    for (let round = 0; round < 40; round++) {
      time.advance(2_000); // every round starts with an expired token
      const results = await Promise.allSettled(Array.from({ length: 25 }, () => loop.send(request(), server.transport)));
      for (const result of results) {
        if (result.status === 'fulfilled') {
          expect(result.value).toBe(200);
          succeeded++;
        } else {
          expect(result.reason).toBeInstanceOf(SignetCredentialError);
          expect(result.reason.code).toBe('token_refresh_failed');
          failed++;
        }
      }
    }
    expect(succeeded + failed).toBe(1000);
    expect(succeeded).toBeGreaterThan(900);
    expect(failed).toBeGreaterThan(0); // the seed does exhaust the retries at least once
    expect(server.sent.every((sent) => sent.authorization?.startsWith('Bearer token-'))).toBe(true);
    expect(events.some((event) => event.type === 'token.session.ended')).toBe(false);
    // Bounded: at most 3 attempts per refresh, and one refresh per round (plus one per failed round).
    expect(calls.length).toBeLessThanOrEqual(40 * 3 * 2);
    expect(sleeps.every((ms) => ms <= 10_000)).toBe(true);
  });

  it('a static token is sent as it is and never refreshed', async () => {
    const loop = createSendLoop(bearer('static-token'), { origins: ORIGIN });
    const server = resource(() => ({ status: 401 }));
    expect(await loop.send(request(), server.transport)).toBe(401);
    expect(server.sent).toEqual([{ authorization: 'Bearer static-token' }]);
  });

  it('a token function is a source like any other', async () => {
    let n = 0;
    const credential = bearer(async () => ({ accessToken: `fn-${++n}`, expiresIn: 3600 }));
    const loop = createSendLoop(credential, { origins: ORIGIN });
    const server = resource((authorization) => ({ status: authorization === 'Bearer fn-1' ? 401 : 200 }));
    expect(await loop.send(request(), server.transport)).toBe(200);
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer fn-1', 'Bearer fn-2']);
  });

  it('rejects a token that would break the header, without echoing it', () => {
    expect(() => bearer('bad\ntoken-canary')).toThrow(/^token:/);
    expect(() => bearer('bad\ntoken-canary')).not.toThrow(/canary/);
  });
});

describe('bearer(): the cost of a request with a good token', () => {
  it('answers every response but a 401 at once (no promise for the send loop to wait on)', async () => {
    const time = manualClock();
    const { source } = countingSource(time.clock);
    const credential = bearer(source);
    const signed = await credential.authorize({ method: 'GET', url: new URL(`${ORIGIN}/things`), headers: new Headers(), body: undefined }, contextWith(time.clock));
    for (const status of [200, 204, 304, 403, 429, 500]) {
      expect(credential.onResponse!({ status, headers: new Headers({ 'www-authenticate': 'Bearer error="invalid_token"' }) }, signed, contextWith(time.clock))).toBeUndefined();
    }
    expect(credential.onResponse!({ status: 401, headers: new Headers() }, signed, contextWith(time.clock))).toBeInstanceOf(Promise);
  });

  it('builds the header once per token, and a new token gets its own', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: 60_000 });
    const credential = bearer(source);
    const loop = createSendLoop(credential, { origins: ORIGIN, clock: time.clock });
    const server = resource(() => ({ status: 200 }));
    await loop.send(request(), server.transport);
    await loop.send(request(), server.transport);
    time.advance(61_000);
    await loop.send(request(), server.transport);
    expect(calls).toHaveLength(2);
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });
});

describe('bearer(): a token function returning a token that cannot go in a header', () => {
  it('fails with token_request_failed and never echoes the token', async () => {
    const loop = createSendLoop(bearer(async () => ({ accessToken: 'token-canary\r\nX-Evil: 1', expiresIn: 60 }), { retry: { retries: 0 } }), { origins: ORIGIN });
    const server = resource(() => ({ status: 200 }));
    const error = await loop.send(request(), server.transport).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'token_request_failed' });
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('canary');
    expect(server.sent).toHaveLength(0);
  });
});
