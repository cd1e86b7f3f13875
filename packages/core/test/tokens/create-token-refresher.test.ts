import { Secret, SignetConfigError, SignetCredentialError, type SignetEvent } from '@signet/core';
import { createMemoryTokenStore, createTokenRefresher, type RefreshLock, type TokenSource, type TokenStore } from '@signet/core/bearer';
import { TokenEndpointError } from '@signet/core/oauth2';
import { describe, expect, it } from 'vitest';
import { contextWith, countingSource, flakyStore, gate, manualClock } from './support.js';

const HOUR = 3_600_000;
const noSleep = { sleep: async () => undefined };

describe('createTokenRefresher: one refresh, whoever asks', () => {
  it('1000 concurrent callers with no token cause exactly one token request, and all get that token', async () => {
    const { clock } = manualClock();
    const { source, calls } = countingSource(clock);
    const refresher = createTokenRefresher(source);
    const events: SignetEvent[] = [];
    const context = contextWith(clock, events);
    const records = await Promise.all(Array.from({ length: 1000 }, () => refresher.token(context)));
    expect(calls).toHaveLength(1);
    expect(new Set(records.map((record) => record.tokens.accessToken.reveal()))).toEqual(new Set(['token-1']));
    expect(events.filter((event) => event.type === 'token.refresh.started')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'token.refresh.coalesced')).toHaveLength(999);
  });

  it('an expired token is replaced once for 1000 concurrent callers', async () => {
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

  it('within the must-refresh margin callers wait for a new token; before it they do not', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { refreshAheadMs: 60_000, expiryMarginMs: 10_000 });
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR - 10_001); // 10.001 s left: inside the proactive window only
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
    time.advance(2); // 9.999 s left: treated as expired
    await Promise.resolve();
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('current() gives the token token() would give without waiting, and undefined where a caller must wait', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { refreshAheadMs: 60_000, expiryMarginMs: 10_000 });
    const context = contextWith(time.clock);
    expect(refresher.current(context)).toBeUndefined();
    expect(calls).toHaveLength(0);
    const first = await refresher.token(context);
    expect(refresher.current(context)).toBe(first);
    time.advance(HOUR - 30_000); // inside the proactive window: the token, and a refresh behind it
    expect(refresher.current(context)).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    const second = refresher.current(context);
    expect(second?.tokens.accessToken.reveal()).toBe('token-2');
    time.advance(HOUR - 9_999); // 9.999 s left of token-2: a caller would have to wait
    expect(refresher.current(context)).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('refreshes in the background inside the proactive window, while callers keep the valid token', async () => {
    const time = manualClock();
    const hold = gate();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: (call) => (call === 2 ? hold.promise : undefined) });
    const refresher = createTokenRefresher(source, { refreshAheadMs: 60_000 });
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR - 30_000);
    const during = await Promise.all(Array.from({ length: 50 }, () => refresher.token(context)));
    expect(during.every((record) => record.tokens.accessToken.reveal() === 'token-1')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2); // one background refresh, not fifty
    hold.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
  });

  it('caps the windows by the token lifetime, so a 60-second token is not refreshed on every call', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: 60_000 });
    const refresher = createTokenRefresher(source, { refreshAheadMs: 120_000, expiryMarginMs: 120_000 });
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(29_000); // 31 s left of 60: fresher than half the lifetime
    await refresher.token(context);
    expect(calls).toHaveLength(1);
  });
});

describe('createTokenRefresher: reactive refresh only for the current token', () => {
  it('a refusal of an older token returns the newer one and refreshes nothing (the stale 401)', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    const second = await refresher.replace(first.generation, context);
    expect(second.tokens.accessToken.reveal()).toBe('token-2');
    const again = await refresher.replace(first.generation, context);
    expect(again.generation).toBe(second.generation);
    expect(calls).toHaveLength(2);
  });

  it('100 concurrent refusals of the current token cause one refresh', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    const replaced = await Promise.all(Array.from({ length: 100 }, () => refresher.replace(first.generation, context)));
    expect(calls).toHaveLength(2);
    expect(new Set(replaced.map((record) => record.generation))).toEqual(new Set([2]));
  });

  it('the refresh uses the stored (rotated) refresh token', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock);
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    await refresher.replace(first.generation, context);
    expect(calls[0]).toBeUndefined();
    expect(calls[1]?.refreshToken?.reveal()).toBe('refresh-1');
  });
});

describe('createTokenRefresher: failures', () => {
  it('retries transient failures with backoff and jitter, honouring Retry-After, then succeeds', async () => {
    const time = manualClock();
    const sleeps: number[] = [];
    const failures = [new TokenEndpointError('test_grant', 'token_refresh_failed', 'http_503'), new TokenEndpointError('test_grant', 'token_refresh_failed', 'http_429', { retryAfterMs: 2_000 })];
    const { source, calls } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call <= failures.length) throw failures[call - 1];
      },
    });
    const refresher = createTokenRefresher(source, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, retry: { minDelayMs: 100 } });
    const events: SignetEvent[] = [];
    const record = await refresher.token(contextWith(time.clock, events));
    expect(record.tokens.accessToken.reveal()).toBe('token-3');
    expect(calls).toHaveLength(3);
    // Attempt 1: base 100, equal jitter at 0.5 → 75. Attempt 2: the server's 2 s.
    expect(sleeps).toEqual([75, 2_000]);
    expect(events.filter((event) => event.type === 'token.refresh.failed').map((event) => (event as { reason: string }).reason)).toEqual(['http_503', 'http_429']);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    const time = manualClock();
    const sleeps: number[] = [];
    const { source } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call === 1) throw new TokenEndpointError('test_grant', 'token_refresh_failed', 'http_429', { retryAfterMs: 3_600_000 });
      },
    });
    const refresher = createTokenRefresher(source, { sleep: async (ms) => void sleeps.push(ms), retry: { maxDelayMs: 5_000 } });
    await refresher.token(contextWith(time.clock));
    expect(sleeps).toEqual([5_000]);
  });

  it('after bounded retries a transient failure is a token_refresh_failed error, and the session goes on', async () => {
    const time = manualClock();
    let failing = true;
    const { source, calls } = countingSource(time.clock, {
      behaviour: () => {
        if (failing) throw new TypeError('fetch failed');
      },
    });
    const events: SignetEvent[] = [];
    const refresher = createTokenRefresher(source, { ...noSleep, retry: { retries: 2 } });
    const context = contextWith(time.clock, events);
    const error = await refresher.token(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignetCredentialError);
    expect((error as SignetCredentialError).code).toBe('token_refresh_failed');
    expect((error as Error).message).toContain('3 attempts');
    expect(calls).toHaveLength(3);
    expect(events.some((event) => event.type === 'token.session.ended')).toBe(false);
    failing = false;
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-4');
  });

  it('a permanent error is not retried and does not end the session', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call === 1) throw new TokenEndpointError('test_grant', 'token_request_failed', 'invalid_scope');
      },
    });
    const refresher = createTokenRefresher(source, noSleep);
    const context = contextWith(time.clock);
    await expect(refresher.token(context)).rejects.toMatchObject({ code: 'token_request_failed', reason: 'invalid_scope' });
    expect(calls).toHaveLength(1);
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
  });

  it('invalid_grant ends the session: the store is cleared, an event is sent, and no further token request is made', async () => {
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
    await expect(refresher.replace(first.generation, context)).rejects.toMatchObject({ code: 'session_ended' });
    expect(await store.get('test')).toBeUndefined();
    expect(events).toContainEqual({ type: 'token.session.ended', source: 'test_grant', reason: 'invalid_grant' });
    await expect(refresher.token(context)).rejects.toMatchObject({ code: 'session_ended' });
    expect(calls).toHaveLength(2);
    // A new sign-in resumes it.
    await refresher.set({ accessToken: first.tokens.accessToken, tokenType: 'Bearer' });
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
  });

  it('never ends a session on a stale failure: if another holder wrote a newer token meanwhile, that one is adopted', async () => {
    const time = manualClock();
    const store = createMemoryTokenStore();
    const hold = gate();
    const { source } = countingSource(time.clock, {
      behaviour: async (call) => {
        if (call === 2) {
          await hold.promise;
          throw new TokenEndpointError('test_grant', 'session_ended', 'invalid_grant');
        }
      },
    });
    const refresher = createTokenRefresher(source, { store, ...noSleep });
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    const pending = refresher.replace(first.generation, context);
    await new Promise((resolve) => setImmediate(resolve));
    // Another process rotated first, so this one's refresh token was already spent.
    await store.compareAndSet('test', first.generation, { accessToken: first.tokens.accessToken, tokenType: 'Bearer', refreshToken: first.tokens.refreshToken });
    hold.open();
    const adopted = await pending;
    expect(adopted.generation).toBe(2);
  });

  it("one caller's abort cancels its own wait, not the shared refresh", async () => {
    const time = manualClock();
    const hold = gate();
    const { source, calls } = countingSource(time.clock, { behaviour: () => hold.promise });
    const refresher = createTokenRefresher(source);
    const controller = new AbortController();
    const aborted = refresher.token(contextWith(time.clock, [], controller.signal));
    const other = refresher.token(contextWith(time.clock));
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    hold.open();
    expect((await other).tokens.accessToken.reveal()).toBe('token-1');
    expect(calls).toHaveLength(1);
  });
});

describe('createTokenRefresher: store and lock', () => {
  it('calls onTokens with the new tokens before any caller gets them', async () => {
    const time = manualClock();
    const { source } = countingSource(time.clock);
    const persisted = gate();
    const seen: string[] = [];
    const refresher = createTokenRefresher(source, {
      onTokens: async (tokens) => {
        seen.push(`persisting ${tokens.refreshToken?.reveal()}`);
        await persisted.promise;
        seen.push('persisted');
      },
    });
    const pending = refresher.token(contextWith(time.clock)).then(() => seen.push('caller got the token'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['persisting refresh-1']);
    persisted.open();
    await pending;
    expect(seen).toEqual(['persisting refresh-1', 'persisted', 'caller got the token']);
  });

  it('two refreshers sharing a store and a lock refresh once: the follower adopts the leader’s token', async () => {
    const time = manualClock();
    const store = createMemoryTokenStore();
    const lock = memoryLock();
    const a = countingSource(time.clock);
    const b = countingSource(time.clock);
    const refresherA = createTokenRefresher(a.source, { store, lock });
    const refresherB = createTokenRefresher(b.source, { store, lock });
    const context = contextWith(time.clock);
    const [fromA, fromB] = await Promise.all([refresherA.token(context), refresherB.token(context)]);
    expect(a.calls.length + b.calls.length).toBe(1);
    expect(fromA.tokens.accessToken.reveal()).toBe(fromB.tokens.accessToken.reveal());
  });

  it('a stale writer never overwrites a newer token (compare-and-swap)', async () => {
    const store = createMemoryTokenStore();
    const token = { accessToken: (await import('@signet/core')).secret('x'), tokenType: 'Bearer' };
    expect((await store.compareAndSet('k', 0, token)).written).toBe(true);
    expect((await store.compareAndSet('k', 1, token)).written).toBe(true);
    const stale = await store.compareAndSet('k', 1, token);
    expect(stale.written).toBe(false);
    expect(stale.current?.generation).toBe(2);
  });

  it('a store that fails degrades to in-process coordination with an event, and says when it is back', async () => {
    const time = manualClock();
    const { store: flaky, state } = flakyStore(true);
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const events: SignetEvent[] = [];
    const refresher = createTokenRefresher(source, { store: flaky });
    const context = contextWith(time.clock, events);
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
    expect(events.filter((event) => event.type === 'coordination.degraded')).toEqual([{ type: 'coordination.degraded', store: 'flaky', reason: 'Error' }]);
    state.down = false;
    time.advance(HOUR);
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(events).toContainEqual({ type: 'coordination.restored', store: 'flaky' });
    expect(calls).toHaveLength(2);
  });

  it('events carry no token material', async () => {
    const time = manualClock();
    const { source } = countingSource(time.clock);
    const events: SignetEvent[] = [];
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock, events);
    const first = await refresher.token(context);
    await refresher.replace(first.generation, context);
    const text = JSON.stringify(events);
    expect(events.length).toBeGreaterThan(2);
    expect(text).not.toMatch(/token-\d|refresh-\d/);
  });

  it('rejects bad options with an error naming the field', () => {
    const { source } = countingSource(manualClock().clock);
    expect(() => createTokenRefresher(source, { refreshAheadMs: -1 })).toThrow(SignetConfigError);
    expect(() => createTokenRefresher(source, { retry: { retries: 1.5 } })).toThrow(/retry\.retries/);
    expect(() => createTokenRefresher(source, { store: {} as TokenStore })).toThrow(/^store:/);
    expect(() => createTokenRefresher(source, { lock: { name: 'x' } as unknown as RefreshLock })).toThrow(/^lock:/);
    expect(() => createTokenRefresher(source, { onTokens: 'no' as never })).toThrow(/^onTokens:/);
  });
});

/** An in-process RefreshLock, as a tab or Redis lock would behave (FIFO, no TTL needed here). */
function memoryLock(): RefreshLock {
  const tails = new Map<string, Promise<void>>();
  return {
    name: 'memory-lock',
    async acquire(key) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      tails.set(key, previous.then(() => held));
      await previous;
      return { release: async () => release() };
    },
  };
}

describe('createTokenRefresher: a store that lost its data', () => {
  it('refreshes with the refresh token this process holds, not the spent initial one', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const store = createMemoryTokenStore();
    const refresher = createTokenRefresher(source, { store });
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    // Redis restarted empty: the record is gone, no session ended.
    await store.compareAndSet('test', first.generation, undefined);
    time.advance(HOUR);
    await refresher.token(context);
    expect(calls[1]?.refreshToken?.reveal()).toBe('refresh-1');
    expect((await store.get('test'))?.tokens.accessToken.reveal()).toBe('token-2');
  });
});

describe('createTokenRefresher: found in review', () => {
  it('storeKey keeps per-user sessions apart on a shared store', async () => {
    const time = manualClock();
    const store = createMemoryTokenStore();
    const alice = countingSource(time.clock, { key: 'shared-grant-key' });
    const bob = countingSource(time.clock, { key: 'shared-grant-key' });
    const forAlice = createTokenRefresher(alice.source, { store, storeKey: 'user:alice' });
    const forBob = createTokenRefresher(bob.source, { store, storeKey: 'user:bob' });
    const context = contextWith(time.clock);
    await forAlice.token(context);
    await forBob.token(context);
    expect(alice.calls).toHaveLength(1);
    expect(bob.calls).toHaveLength(1);
    expect((await store.get('user:alice'))?.generation).toBe(1);
    expect((await store.get('user:bob'))?.generation).toBe(1);
  });

  it("a token obtained while the store was down is refreshed from, never the store's older record", async () => {
    const time = manualClock();
    const { store: flaky, state } = flakyStore();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store: flaky });
    const context = contextWith(time.clock);
    const first = await refresher.token(context);
    state.down = true;
    await refresher.replace(first.generation, context); // rotates to refresh-2 while the store is down
    state.down = false;
    time.advance(HOUR);
    await refresher.token(context);
    // The third refresh used the rotated refresh token, not the store's stale one.
    expect(calls.map((current) => current?.refreshToken?.reveal())).toEqual([undefined, 'refresh-1', 'refresh-2']);
  });

  it('a sign-out during a refresh wins: the fetched token is dropped and not persisted', async () => {
    const time = manualClock();
    const hold = gate();
    const persisted: string[] = [];
    const { source } = countingSource(time.clock, { behaviour: () => hold.promise });
    const store = createMemoryTokenStore();
    const refresher = createTokenRefresher(source, { store, onTokens: (tokens) => void persisted.push(tokens.accessToken.reveal()) });
    const pending = refresher.token(contextWith(time.clock));
    await new Promise((resolve) => setImmediate(resolve));
    await refresher.clear();
    hold.open();
    await expect(pending).rejects.toMatchObject({ code: 'session_ended' });
    expect(persisted).toEqual([]);
    expect(await store.get('test')).toBeUndefined();
  });

  it('clear() while the store is down forgets the tokens here at once, and rejects so the caller retries', async () => {
    const time = manualClock();
    const { store: flaky, inner, state } = flakyStore();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store: flaky });
    const context = contextWith(time.clock);
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
    state.down = true;
    await expect(refresher.clear()).rejects.toThrow('ECONNREFUSED');
    // Signed out here: the next request does not get token-1, and the source is asked afresh (no refresh token).
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls.at(-1)).toBeUndefined();
    // The store still holds token-1 until a clear() succeeds.
    state.down = false;
    expect((await inner.get('test'))?.tokens.accessToken.reveal()).toBe('token-1');
    await refresher.clear();
    expect(await inner.get('test')).toBeUndefined();
  });

  it('a clear() called while a set() is still writing ends signed out, here and in the store', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    const held = gate();
    let writes = 0;
    // The sign-in's write is on the wire (held) when the sign-out is called.
    const store: TokenStore = { name: 'slow', get: (key) => inner.get(key), compareAndSet: async (key, generation, tokens) => (writes++ === 0 ? held.promise.then(() => inner.compareAndSet(key, generation, tokens)) : inner.compareAndSet(key, generation, tokens)) };
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store });
    const signIn = refresher.set({ accessToken: new Secret('signed-in'), tokenType: 'Bearer' });
    const signOut = refresher.clear();
    held.open();
    await Promise.all([signIn, signOut]);
    expect(await inner.get('test')).toBeUndefined();
    expect((await refresher.token(contextWith(time.clock))).tokens.accessToken.reveal()).toBe('token-1');
    expect(calls).toHaveLength(1);
  });

  it('a clear() while a refresh is reading the store: what the read found is not kept', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    await inner.compareAndSet('test', 0, { accessToken: new Secret('user-a'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
    const held = gate();
    let reads = 0;
    // The refresh's read has its answer (user-a) but has not returned it when the sign-out runs.
    const store: TokenStore = { name: 'slow', get: async (key) => { const record = await inner.get(key); if (reads++ === 0) await held.promise; return record; }, compareAndSet: (key, generation, tokens) => inner.compareAndSet(key, generation, tokens) };
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store });
    const context = contextWith(time.clock);
    const pending = refresher.token(context);
    await refresher.clear();
    held.open();
    await expect(pending).rejects.toMatchObject({ code: 'session_ended' });
    expect(await inner.get('test')).toBeUndefined();
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
    expect(calls).toHaveLength(1);
  });

  it('a set() while a request waits on a refresh serves that request the new tokens, not session_ended', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    const held = gate();
    let reads = 0;
    const store: TokenStore = { name: 'slow', get: async (key) => { const record = await inner.get(key); if (reads++ === 0) await held.promise; return record; }, compareAndSet: (key, generation, tokens) => inner.compareAndSet(key, generation, tokens) };
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store });
    const waiting = refresher.token(contextWith(time.clock));
    await refresher.set({ accessToken: new Secret('signed-in'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
    held.open();
    expect((await waiting).tokens.accessToken.reveal()).toBe('signed-in');
    expect(calls).toHaveLength(0);
  });

  it('a request right after clear() never gets the signed-out tokens from the store', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    await inner.compareAndSet('test', 0, { accessToken: new Secret('signed-out'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store: inner });
    const signOut = refresher.clear();
    expect((await refresher.token(contextWith(time.clock))).tokens.accessToken.reveal()).toBe('token-1');
    await signOut;
    expect(calls).toEqual([undefined]);
  });

  it('a clear() while a refresh is ending the session stands: the next request asks the source', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    const held = gate();
    let writes = 0;
    // The session-ending write (deleting the record) is held while the sign-out runs.
    const store: TokenStore = { name: 'slow', get: (key) => inner.get(key), compareAndSet: async (key, generation, tokens) => { if (tokens === undefined && writes++ === 0) await held.promise; return inner.compareAndSet(key, generation, tokens); } };
    const { source, calls } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call === 1) throw new TokenEndpointError('test_grant', 'session_ended', 'invalid_grant');
      },
    });
    const refresher = createTokenRefresher(source, { store, sleep: async () => undefined });
    const context = contextWith(time.clock);
    const ending = refresher.token(context).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    const signOut = refresher.clear();
    held.open();
    await signOut;
    expect(await ending).toMatchObject({ code: 'session_ended' });
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('a clear() or set() while onTokens persists a refreshed token wins: the refreshed token is not kept', async () => {
    for (const change of ['clear', 'set'] as const) {
      const time = manualClock();
      const persisting = gate();
      let persist = false;
      const { source } = countingSource(time.clock, { lifetimeMs: HOUR });
      const refresher = createTokenRefresher(source, { onTokens: () => (persist ? persisting.promise : undefined) });
      const context = contextWith(time.clock);
      await refresher.token(context);
      time.advance(HOUR + 1);
      persist = true;
      const refreshing = refresher.token(context).catch((error: unknown) => error);
      await new Promise((resolve) => setImmediate(resolve));
      if (change === 'clear') await refresher.clear();
      else await refresher.set({ accessToken: new Secret('user-b'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
      persisting.open();
      persist = false;
      const waiter = await refreshing;
      const next = (await refresher.token(context)).tokens.accessToken.reveal();
      if (change === 'clear') {
        expect(waiter).toMatchObject({ code: 'session_ended' });
        expect(next).toBe('token-3');
      } else {
        expect((waiter as { tokens: { accessToken: Secret } }).tokens.accessToken.reveal()).toBe('user-b');
        expect(next).toBe('user-b');
      }
    }
  });

  it('a refresh overtaken by clear() or set() says so: started, then abandoned, never succeeded', async () => {
    for (const change of ['clear', 'set'] as const) {
      const time = manualClock();
      const fetching = gate();
      let hold = false;
      const { source } = countingSource(time.clock, { lifetimeMs: HOUR });
      const held: TokenSource = { ...source, getToken: async (current, context) => { if (hold) await fetching.promise; return source.getToken(current, context); } };
      const refresher = createTokenRefresher(held);
      const events: SignetEvent[] = [];
      const context = contextWith(time.clock, events);
      await refresher.token(context);
      time.advance(HOUR + 1);
      hold = true;
      events.length = 0;
      const refreshing = refresher.token(context).catch((error: unknown) => error);
      await new Promise((resolve) => setImmediate(resolve));
      if (change === 'clear') await refresher.clear();
      else await refresher.set({ accessToken: new Secret('user-b'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
      fetching.open();
      await refreshing;
      const lifecycle = events.map((event) => event.type).filter((type) => type.startsWith('token.refresh'));
      expect(lifecycle).toEqual(['token.refresh.started', 'token.refresh.abandoned']);
      expect(events).toContainEqual({ type: 'token.refresh.abandoned', source: source.name });
    }
  });

  it('a set() that could not be stored changes nothing: the refresh under way goes on and serves its waiters', async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    const held = gate();
    let reads = 0;
    let failWrites = false;
    const store: TokenStore = {
      name: 'flaky',
      get: async (key) => { const record = await inner.get(key); if (reads++ === 1) await held.promise; return record; },
      compareAndSet: (key, generation, tokens) => (failWrites ? Promise.reject(new Error('ECONNRESET')) : inner.compareAndSet(key, generation, tokens)),
    };
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store });
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR + 1);
    const waiting = refresher.token(context).catch((error: unknown) => error);
    failWrites = true;
    await expect(refresher.set({ accessToken: new Secret('user-b'), tokenType: 'Bearer' })).rejects.toThrow('ECONNRESET');
    held.open();
    // A new token of the session that still stands: not the expired token-1, not user-b, not an error.
    expect((await waiting as { tokens: { accessToken: Secret } }).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('a request made after clear() does not join the refresh that began before it', async () => {
    const time = manualClock();
    const hold = gate();
    let holding = false;
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: async () => { if (holding) await hold.promise; } });
    const refresher = createTokenRefresher(source);
    const context = contextWith(time.clock);
    await refresher.token(context);
    time.advance(HOUR + 1);
    holding = true;
    const before = refresher.token(context).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    await refresher.clear();
    const after = refresher.token(context);
    holding = false;
    hold.open();
    expect(await before).toMatchObject({ code: 'session_ended' });
    expect((await after).tokens.accessToken.reveal()).toBe('token-3');
    expect(calls).toHaveLength(3);
  });

  it('set() then clear(): set() resolving does not bring its tokens back after the sign-out was called', async () => {
    const time = manualClock();
    const { source } = countingSource(time.clock, { lifetimeMs: HOUR });
    const store = createMemoryTokenStore();
    const refresher = createTokenRefresher(source, { store });
    const context = contextWith(time.clock);
    const signIn = refresher.set({ accessToken: new Secret('user-a'), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR });
    const signOut = refresher.clear();
    await signIn;
    // On set()'s continuation, before clear()'s store writes: already signed out here.
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-1');
    await signOut;
  });

  it('requests made around back-to-back sign-ins share one refresh: a rotating refresh token is spent once', async () => {
    for (const first of ['set', 'clear'] as const) {
      const time = manualClock();
      const spent: string[] = [];
      const hold = gate();
      const source: TokenSource = {
        name: 'rt_grant',
        key: 'test',
        async getToken(current) {
          spent.push(current?.refreshToken?.reveal() ?? '(none)');
          await hold.promise;
          return { accessToken: new Secret(`fresh-${spent.length}`), tokenType: 'Bearer', expiresAt: time.clock.now() + HOUR, refreshToken: new Secret(`rotated-${spent.length}`) };
        },
      };
      const refresher = createTokenRefresher(source, { store: createMemoryTokenStore() });
      const context = contextWith(time.clock);
      // Sessions restored from disk: the access token expired, the refresh token good.
      const restored = (user: string) => ({ accessToken: new Secret(`${user}-access`), tokenType: 'Bearer', expiresAt: time.clock.now() - HOUR, refreshToken: new Secret(`${user}-refresh`) });
      const change = first === 'set' ? refresher.set(restored('user-a')) : refresher.clear();
      const r1 = refresher.token(context);
      const signIn = refresher.set(restored('user-b'));
      const r2 = refresher.token(context);
      await Promise.allSettled([change, signIn]);
      await new Promise((resolve) => setImmediate(resolve));
      hold.open();
      expect([(await r1).tokens.accessToken.reveal(), (await r2).tokens.accessToken.reveal()]).toEqual(['fresh-1', 'fresh-1']);
      expect(spent).toEqual(['user-b-refresh']);
    }
  });

  it("clear() while the first refresh's write is on the wire: the store ends empty, and nothing signed out is served", async () => {
    const time = manualClock();
    const inner = createMemoryTokenStore();
    const held = gate();
    let hold = true;
    const store: TokenStore = {
      name: 'slow',
      get: (key) => inner.get(key),
      compareAndSet: async (key, generation, tokens) => {
        if (hold && tokens !== undefined) {
          hold = false;
          await held.promise;
        }
        return inner.compareAndSet(key, generation, tokens);
      },
    };
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR });
    const refresher = createTokenRefresher(source, { store });
    const context = contextWith(time.clock);
    const first = refresher.token(context).catch((error: unknown) => error);
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    await refresher.clear();
    held.open();
    expect(await first).toMatchObject({ code: 'session_ended' });
    expect(await inner.get('test')).toBeUndefined();
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('clear() after an ended session lets the next request ask the source again', async () => {
    const time = manualClock();
    const { source, calls } = countingSource(time.clock, {
      behaviour: (call) => {
        if (call === 1) throw new TokenEndpointError('test_grant', 'session_ended', 'invalid_client');
      },
    });
    const refresher = createTokenRefresher(source, noSleep);
    const context = contextWith(time.clock);
    await expect(refresher.token(context)).rejects.toMatchObject({ code: 'session_ended' });
    await refresher.clear();
    expect((await refresher.token(context)).tokens.accessToken.reveal()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });
});
