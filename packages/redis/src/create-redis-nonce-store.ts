import type { NonceStore } from '@signet/core';
import { checkRedisOptions } from './check-redis-options.js';
import type { RedisConnection, RedisKeyOptions } from './redis-connection.js';

/** Options for {@link createRedisNonceStore}. */
export interface RedisNonceStoreOptions extends RedisKeyOptions {
  /** The verifier's clock in milliseconds (default `Date.now`); pass the verifier's `now`. */
  now?: () => number;
}

/**
 * A {@link NonceStore} in Redis, so that several verifier instances share the nonces they have
 * seen: a request replayed to another instance is refused as `nonce_replay`.
 *
 * A claim is one `SET key 1 NX PX ttl`, atomic in Redis: of two concurrent claims, exactly one
 * gets `OK`. The TTL is computed on the verifier's clock (`expiresAtMs - now()`), so a Redis
 * server whose clock differs does not shorten the window. Redis evicts nothing it was told to
 * keep (with the default `noeviction` policy; use `volatile-ttl` or `noeviction` for this
 * database, never an `allkeys-*` policy, which could forget a live nonce), so the answer is
 * `'full'` only when Redis refuses the write for lack of memory (an `OOM` error).
 *
 * When Redis cannot be reached, `claim` throws: the verifier fails closed and refuses the request
 * (it cannot tell a replay from a first sighting). Falling back to per-instance memory would let
 * a captured request be replayed once against every other instance for the length of the outage.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ hmac: { keys, nonceStore: createRedisNonceStore(redis) } });
 * ```
 */
export function createRedisNonceStore(client: RedisConnection, options: RedisNonceStoreOptions = {}): NonceStore {
  const { prefix, commandTimeoutMs: timeout } = checkRedisOptions('createRedisNonceStore', client, options);
  if (options.now !== undefined && typeof options.now !== 'function') throw new TypeError('createRedisNonceStore: now must be a function');
  const now = options.now ?? Date.now;
  return {
    async claim(key, expiresAtMs) {
      // An entry already past its expiry is still claimed for 1 ms: PX must be positive, and the
      // claim must still be atomic against a concurrent one.
      const ttl = Math.max(1, Math.ceil(expiresAtMs - now()));
      try {
        const reply = await client.sendCommand(['SET', `${prefix}nonce:${key}`, '1', 'NX', 'PX', String(ttl)], { timeout });
        return reply === 'OK' ? 'claimed' : 'replayed';
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('OOM')) return 'full';
        throw error;
      }
    },
  };
}
