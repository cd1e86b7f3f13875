import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { checkPositiveInteger } from '@signet/core';
import type { AcquireOptions, LockLease, RefreshLock } from '@signet/core/bearer';
import { checkRedisOptions } from './check-redis-options.js';
import type { RedisConnection, RedisKeyOptions } from './redis-connection.js';
import { defineScript } from './run-script.js';

/** Options for {@link createRedisLock}. */
export interface RedisLockOptions extends RedisKeyOptions {
  /** The first wait between tries while another process holds the lock (default 10 ms); it doubles, with jitter. */
  minPollMs?: number;
  /** The longest wait between tries (default 250 ms). */
  maxPollMs?: number;
  /** The clock for `waitMs`, in milliseconds (default `Date.now`); tests inject one with `sleep`. */
  now?: () => number;
  /** How to wait between tries (default a timer); tests inject one so nothing sleeps for real. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Jitter source in [0, 1) (default `Math.random`). */
  random?: () => number;
}

// Deletes the lock only if this holder still owns it: after its TTL ran out, another process may
// hold it, and a plain DEL would free that one's lock.
const RELEASE = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

// Moves the expiry only if this holder still owns the lock, for the same reason.
const EXTEND = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`);

/**
 * A {@link RefreshLock} across processes on Redis: `SET key owner NX PX ttl` takes it, only the
 * owner's random token releases or renews it, and it expires by itself `ttlMs` after its holder's
 * last renewal, so a crashed replica blocks refreshes for at most that long. It is `renewable`:
 * the token refresher renews its lease every third of the TTL while its refresh runs, so a token
 * request slower than the TTL keeps the lock, and waiters keep waiting for a live holder instead
 * of refreshing beside it.
 *
 * Processes waiting for the lock poll it with exponential backoff (10 ms doubling to 250 ms, with
 * jitter) until `waitMs`. Polling rather than pub/sub or keyspace notifications, because
 * refreshes are rare and brief, so polls are few; a subscriber needs a connection of its own per
 * client, keyspace notifications are off by default (`notify-keyspace-events`) and often cannot be
 * turned on in managed Redis, and both are fire-and-forget, so a waiter would need polling anyway
 * for the message it missed while reconnecting.
 *
 * Commands fail fast when Redis is down (`commandTimeoutMs`); `acquire` then throws, and the
 * token refresher goes on with in-process coordination and reports `coordination.degraded`.
 *
 * @example
 * ```ts
 * const credential = bearer(refreshToken({ tokenEndpoint, clientId }), {
 *   store: createRedisTokenStore(redis),
 *   lock: createRedisLock(redis),
 * });
 * ```
 */
export function createRedisLock(client: RedisConnection, options: RedisLockOptions = {}): RefreshLock {
  const { prefix, commandTimeoutMs: timeout } = checkRedisOptions('createRedisLock', client, options);
  const minPollMs = options.minPollMs === undefined ? 10 : checkPositiveInteger(options.minPollMs, 'minPollMs');
  const maxPollMs = options.maxPollMs === undefined ? 250 : checkPositiveInteger(options.maxPollMs, 'maxPollMs');
  for (const name of ['now', 'sleep', 'random'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new TypeError(`createRedisLock: ${name} must be a function`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, signal === undefined ? {} : { signal }));
  const random = options.random ?? Math.random;

  async function tryTake(redisKey: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await client.sendCommand(['SET', redisKey, owner, 'NX', 'PX', String(ttlMs)], { timeout })) === 'OK';
  }

  return {
    name: 'redis',
    renewable: true,
    async acquire(key: string, { ttlMs, waitMs, signal }: AcquireOptions): Promise<LockLease | undefined> {
      checkPositiveInteger(ttlMs, 'ttlMs');
      checkPositiveInteger(waitMs, 'waitMs', { allowZero: true });
      const redisKey = `${prefix}lock:${key}`;
      // 128 random bits: nobody else can guess it and release our lock.
      const owner = randomUUID();
      const deadline = now() + waitMs;
      for (let attempt = 0; ; attempt++) {
        signal?.throwIfAborted();
        if (await tryTake(redisKey, owner, ttlMs)) return lease(redisKey, owner);
        const left = deadline - now();
        if (left <= 0) return undefined;
        // "Equal jitter": half fixed, half random, so waiters do not poll in step.
        const base = Math.min(maxPollMs, minPollMs * 2 ** attempt);
        await sleep(Math.min(left, Math.round(base / 2 + (random() * base) / 2)), signal);
      }
    },
  };

  function lease(redisKey: string, owner: string): LockLease {
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        await RELEASE.run(client, [redisKey], [owner], timeout);
      },
      async extend(ttlMs: number) {
        checkPositiveInteger(ttlMs, 'ttlMs');
        if (released) return false;
        return (await EXTEND.run(client, [redisKey], [owner, String(ttlMs)], timeout)) === 1;
      },
    };
  }
}
