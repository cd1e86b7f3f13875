// The token refresher and bearer() flows on an injected clock, with the vitest suite's helpers
// (packages/core/test/tokens/support.ts, packages/core/test/schemes/bearer/fake-resource.ts):
// single flight for 1000 callers, the stale 401, the end of a session. Nothing sleeps: time moves
// only when a test advances it.
import { createSendLoop, type OutgoingRequest, type SignetEvent } from '@signet/core';
import { bearer, createMemoryTokenStore, createTokenRefresher } from '@signet/core/bearer';
import { TokenEndpointError } from '@signet/core/oauth2';
import { expect, nextMacrotask, rejects, test } from '../harness/index.js';
import { fakeResource as resource, type ResourceReply } from '../../packages/core/test/schemes/bearer/fake-resource.js';
import { contextWith, countingSource, gate, manualClock } from '../../packages/core/test/tokens/support.js';

const HOUR = 3_600_000;
const ORIGIN = 'https://api.example.test';
const noSleep = { sleep: async () => undefined };
const request = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/things`), headers: new Headers(), body: undefined });

// The answer of the resource in these tests: a 401 names the Bearer error, as a real resource would.
const reply = (status: number): ResourceReply => (status === 401 ? { status, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } } : { status });

export default function define(): void {
  test('1000 concurrent callers with no token cause exactly one token request, and all get that token', async () => {
    const { clock } = manualClock();
    const { source, calls } = countingSource(clock);
    const refresher = createTokenRefresher(source);
    const events: SignetEvent[] = [];
    const records = await Promise.all(Array.from({ length: 1000 }, () => refresher.token(contextWith(clock, events))));
    expect(calls).toHaveLength(1);
    expect(new Set(records.map((record) => record.tokens.accessToken.reveal()))).toEqual(new Set(['token-1']));
    expect(events.filter((event) => event.type === 'token.refresh.started')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'token.refresh.coalesced')).toHaveLength(999);
  });

  test('an expired token is replaced once for 1000 concurrent callers', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR + 1);
    const records = await Promise.all(Array.from({ length: 1000 }, () => refresher.token(context)));
    expect(calls).toHaveLength(2);
    expect(records.every((record) => record.tokens.accessToken.reveal() === 'token-2' && record.generation === 2)).toBe(true);
  });

  test('inside the proactive window one background refresh runs while callers keep the valid token', async () => {
    const time = manualClock();
    const hold = gate();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: (call) => (call === 2 ? hold.promise : undefined) });
    const refresher = createTokenRefresher(source, { refreshAheadMs: 60_000 });
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR - 30_000);
    const during = await Promise.all(Array.from({ length: 50 }, () => refresher.token(context)));
    expect(during.every((record) => record.tokens.accessToken.reveal() === 'token-1')).toBe(true);
    await nextMacrotask();
    expect(calls).toHaveLength(2);
    hold.open();
    await nextMacrotask();
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
  });

  test('the stale 401: a refusal of an older token returns the newer one and refreshes nothing', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    const replaced = await Promise.all(Array.from({ length: 100 }, () => refresher.replace(first.generation, context)));
    expect(new Set(replaced.map((record) => record.generation))).toEqual(new Set([2]));
    expect((await refresher.replace(first.generation, context)).generation).toBe(2);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.refreshToken?.reveal()).toBe('refresh-1');
  });

  test('invalid_grant ends the session: the store is cleared, an event is sent, no further token request', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call === 2) throw new TokenEndpointError('test_grant', 'session_ended', 'invalid_grant');
      },
    });
    const store = createMemoryTokenStore();
    const events: SignetEvent[] = [];
    const refresher = createTokenRefresher(source, { store, ...noSleep });
    const context = contextWith(time.clock, events);
    const first = await refresher.token(context);
    expect(await rejects(refresher.replace(first.generation, context))).toMatchObject({ code: 'session_ended' });
    expect(await store.get('test')).toBeUndefined();
    expect(events.filter((event) => event.type === 'token.session.ended')).toEqual([{ type: 'token.session.ended', source: 'test_grant', reason: 'invalid_grant' }]);
    expect(await rejects(refresher.token(context))).toMatchObject({ code: 'session_ended' });
    expect(calls).toHaveLength(2);
  });

  test('bearer() through the send loop: with an expired token, 1000 concurrent requests cause one token request', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: 60_000 });
    const loop = createSendLoop(bearer(source), { origins: ORIGIN, clock: time.clock });
    const server = resource((authorization) => reply(authorization === `Bearer token-${calls.length}` ? 200 : 401));
    await loop.send(request(), server.transport);
    time.advance(61_000);
    const statuses = await Promise.all(Array.from({ length: 1000 }, () => loop.send(request(), server.transport)));
    expect(calls).toHaveLength(2);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(server.sent.slice(1).every((sent) => sent.authorization === 'Bearer token-2')).toBe(true);
  });

  test('bearer() through the send loop: a 401 for token 1 arriving after token 2 exists is re-sent with token 2, no refresh', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const credential = bearer(source);
    const loop = createSendLoop(credential, { origins: ORIGIN, clock: time.clock });
    const slow = gate();
    // Token 1 was revoked. Request 0 gets its 401 at once; request 1's is held until token 2 exists.
    const server = resource(async (authorization, index) => {
      if (index === 1) await slow.promise;
      return reply(authorization === 'Bearer token-1' ? 401 : 200);
    });
    await credential.tokens?.token(contextWith(time.clock));
    const first = loop.send(request(), server.transport);
    const straggler = loop.send(request(), server.transport);
    expect(await first).toBe(200);
    slow.open();
    expect(await straggler).toBe(200);
    expect(calls).toHaveLength(2);
    expect(server.sent.map((sent) => sent.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });
}
