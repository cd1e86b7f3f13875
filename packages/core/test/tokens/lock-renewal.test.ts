import type { SignetEvent } from '@signet/core';
import { createMemoryTokenStore, createTokenRefresher, type LockLease, type RefreshLock } from '@signet/core/bearer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextWith, countingSource, gate, manualClock } from './support.js';

const HOUR = 3_600_000;
const TTL = 30_000;

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/**
 * A lock like Redis's, driven by hand: one holder; a waiter gets it when it is released, or gives
 * up (undefined) when the test says its waitMs passed. `extendResult` decides what renewals find.
 */
function handLock(renewable: boolean) {
  let holder: object | undefined;
  const waiting: ((lease: LockLease | undefined) => void)[] = [];
  const counts = { acquired: 0, timedOut: 0, extended: 0, released: 0 };
  const state = { extendResult: true as boolean | Error };
  const take = (): LockLease => {
    const owner = {};
    holder = owner;
    counts.acquired++;
    return {
      async release() {
        counts.released++;
        if (holder !== owner) return;
        holder = undefined;
        waiting.shift()?.(take());
      },
      ...(renewable
        ? {
            async extend() {
              counts.extended++;
              if (state.extendResult instanceof Error) throw state.extendResult;
              return state.extendResult && holder === owner;
            },
          }
        : {}),
    };
  };
  const lock: RefreshLock = {
    name: 'hand-lock',
    ...(renewable ? { renewable: true } : {}),
    acquire: async () => (holder === undefined ? take() : new Promise((resolve) => waiting.push(resolve))),
  };
  return {
    lock,
    counts,
    state,
    /** Every waiter's waitMs passes: each gives up. */
    timeOutWaiters() {
      for (const give of waiting.splice(0)) {
        counts.timedOut++;
        give(undefined);
      }
    },
  };
}

/**
 * Two refreshers sharing a store and a hand-driven lock: A (the leader) has taken the lock and its
 * token request hangs until `hold.open()`; B (the follower) has asked for a token and is waiting.
 */
async function leaderAndFollower(renewable: boolean, followerOptions: { lockWaitMs?: number } = {}) {
  const time = manualClock();
  const store = createMemoryTokenStore();
  const shared = handLock(renewable);
  const hold = gate();
  const leader = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: () => hold.promise });
  const follower = countingSource(time.clock, { lifetimeMs: HOUR });
  const aToken = createTokenRefresher(leader.source, { store, lock: shared.lock }).token(contextWith(time.clock));
  await flush();
  const events: SignetEvent[] = [];
  const bToken = createTokenRefresher(follower.source, { store, lock: shared.lock, ...followerOptions }).token(contextWith(time.clock, events));
  await flush();
  return { shared, hold, follower, aToken, bToken, events };
}

// Renewals wait on real timers (the lock's TTL runs in real time); the tests drive them with fake ones.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());
const renewalWindow = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(TTL / 3);
  await flush();
};

describe('createTokenRefresher with a renewable lock (Redis)', () => {
  it('the holder renews its lease every third of lockTtlMs while its token request runs, and stops when it ends', async () => {
    const time = manualClock();
    const hold = gate();
    const { source, calls } = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: () => hold.promise });
    const shared = handLock(true);
    // The refresher's injectable sleep is for retry waits: renewing must not use it (an instant
    // one, as tests inject, would make renewing a loop that never yields).
    const injected: number[] = [];
    const refresher = createTokenRefresher(source, { lock: shared.lock, lockTtlMs: TTL, sleep: async (ms) => void injected.push(ms) });
    const token = refresher.token(contextWith(time.clock));
    await flush();
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(TTL / 3 - 1);
    expect(shared.counts.extended).toBe(0);
    // The token request outlasts the TTL three times over: the lease is renewed every third of it.
    for (let i = 0; i < 9; i++) await renewalWindow();
    expect(shared.counts.extended).toBe(9);
    hold.open();
    expect((await token).tokens.accessToken.reveal()).toBe('token-1');
    expect(shared.counts.released).toBe(1);
    // Renewing stopped with the refresh: no timer is left, and nothing renews later.
    expect(vi.getTimerCount()).toBe(0);
    await renewalWindow();
    expect(shared.counts.extended).toBe(9);
    expect(injected).toEqual([]);
  });

  it('a waiter past lockWaitMs keeps waiting for a live holder instead of refreshing beside it, then adopts its token', async () => {
    const { shared, hold, follower, aToken, bToken, events } = await leaderAndFollower(true);
    // B's waitMs passes three times while A's token request is still in flight: B reads the store
    // each time, finds nothing fresh, and waits again; it never asks for a token itself.
    for (let i = 0; i < 3; i++) {
      shared.timeOutWaiters();
      await flush();
    }
    expect(shared.counts.timedOut).toBe(3);
    expect(follower.calls).toHaveLength(0);
    hold.open();
    expect((await aToken).tokens.accessToken.reveal()).toBe('token-1');
    expect((await bToken).tokens.accessToken.reveal()).toBe('token-1');
    expect(follower.calls).toHaveLength(0);
    expect(events.filter((event) => event.type === 'token.refresh.started')).toHaveLength(0);
  });

  it('a lock that is not renewable (a browser tab can freeze while holding it): a waiter past lockWaitMs refreshes without it', async () => {
    const { shared, hold, follower, bToken } = await leaderAndFollower(false);
    shared.timeOutWaiters();
    expect((await bToken).tokens.accessToken.reveal()).toBe('token-1');
    expect(follower.calls).toHaveLength(1);
    expect(shared.counts.extended).toBe(0);
    hold.open();
  });

  it('a renewal that finds the lease gone, or cannot reach the lock, is reported once as coordination.degraded; the refresh goes on', async () => {
    for (const [outcome, reason] of [
      [false, 'lock_expired'],
      [new Error('connection lost'), 'Error'],
    ] as const) {
      const time = manualClock();
      const hold = gate();
      const { source } = countingSource(time.clock, { lifetimeMs: HOUR, behaviour: () => hold.promise });
      const shared = handLock(true);
      shared.state.extendResult = outcome;
      const events: SignetEvent[] = [];
      const refresher = createTokenRefresher(source, { lock: shared.lock, lockTtlMs: TTL });
      const token = refresher.token(contextWith(time.clock, events));
      await flush();
      await renewalWindow();
      await renewalWindow();
      expect(shared.counts.extended).toBe(1);
      expect(events.filter((event) => event.type === 'coordination.degraded')).toEqual([{ type: 'coordination.degraded', store: 'hand-lock', reason }]);
      hold.open();
      expect((await token).tokens.accessToken.reveal()).toBe('token-1');
    }
  });

  it('lockWaitMs 0 still means "never wait for another holder", even for a renewable lock', async () => {
    const { shared, hold, follower, bToken } = await leaderAndFollower(true, { lockWaitMs: 0 });
    shared.timeOutWaiters();
    expect((await bToken).tokens.accessToken.reveal()).toBe('token-1');
    expect(follower.calls).toHaveLength(1);
    expect(shared.counts.timedOut).toBe(1);
    hold.open();
  });
});
