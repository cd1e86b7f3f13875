import { createAuthContext, createClock, Secret, type AuthContext, type SignetEvent } from '@signet/core';
import { createMemoryTokenStore, type TokenSet, type TokenSource, type TokenStore } from '@signet/core/bearer';

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    clock: createClock({ now: () => now }),
    advance(ms: number) {
      now += ms;
    },
  };
}

export function contextWith(clock = manualClock().clock, events: SignetEvent[] = [], signal?: AbortSignal): AuthContext {
  return createAuthContext({ clock, nonce: () => 'nonce', onEvent: (event) => events.push(event), ...(signal ? { signal } : {}) });
}

/** A deferred promise, to hold a token source or a transport until the test lets go. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/**
 * A token source that counts its calls and issues `token-1`, `token-2`, … valid for
 * `lifetimeMs`, with a rotating refresh token `refresh-N`. `behaviour` can fail or delay a call.
 */
export function countingSource(clock: { now(): number }, options: { lifetimeMs?: number; behaviour?: (call: number, current: TokenSet | undefined) => Promise<void> | void; key?: string } = {}) {
  const calls: (TokenSet | undefined)[] = [];
  const source: TokenSource = {
    name: 'test_grant',
    key: options.key ?? 'test',
    async getToken(current) {
      calls.push(current);
      const call = calls.length;
      await options.behaviour?.(call, current);
      const obtainedAt = clock.now();
      return {
        accessToken: new Secret(`token-${call}`),
        tokenType: 'Bearer',
        obtainedAt,
        expiresAt: obtainedAt + (options.lifetimeMs ?? 3_600_000),
        refreshToken: new Secret(`refresh-${call}`),
      };
    },
  };
  return { source, calls };
}

/** A small seeded PRNG (mulberry32), so "30 % of calls fail" is the same every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A memory store that fails every call with `ECONNREFUSED` while `down` is true (Redis unreachable). */
export function flakyStore(down = false) {
  const inner = createMemoryTokenStore();
  const state = { down };
  const refuse = () => Promise.reject(new Error('ECONNREFUSED'));
  const store: TokenStore = {
    name: 'flaky',
    get: (key) => (state.down ? refuse() : inner.get(key)),
    compareAndSet: (key, generation, tokens) => (state.down ? refuse() : inner.compareAndSet(key, generation, tokens)),
  };
  return { store, inner, state };
}
