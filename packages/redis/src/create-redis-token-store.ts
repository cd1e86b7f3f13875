import { checkPositiveInteger } from '@signet/core';
import type { CompareAndSetResult, StoredTokens, TokenSet, TokenStore } from '@signet/core/bearer';
import { checkRedisOptions } from './check-redis-options.js';
import type { RedisConnection, RedisKeyOptions } from './redis-connection.js';
import { defineScript } from './run-script.js';
import { parseTokens, serializeTokens } from './token-record.js';

/** Options for {@link createRedisTokenStore}. */
export interface RedisTokenStoreOptions extends RedisKeyOptions {
  /**
   * How long a record without a refresh token outlives its access token (default 5 minutes):
   * long enough for every replica to see that it expired, short enough that Redis does not fill
   * up with dead tokens.
   */
  retainAfterExpiryMs?: number;
  /**
   * How long a record with a refresh token, or with no expiry, lives after its last write
   * (default 30 days). A refresh token outlives its access token; dropping it would end the
   * session, so give this at least the refresh token's lifetime.
   */
  maxIdleMs?: number;
  /** The clock the TTLs are computed on, in milliseconds (default `Date.now`). */
  now?: () => number;
}

// KEYS[1] the record (a hash: generation, tokens). ARGV: expected generation, the new tokens' JSON
// ('' deletes), the TTL in ms. Compare and write in one script, so no other writer can slip in
// between (Redis runs a script atomically). WATCH/MULTI would do the same in three round trips
// and retry loops on contention; the script is one round trip and never retries.
// Returns { written (0/1), generation now, tokens JSON now (only when not written) }.
const COMPARE_AND_SET = defineScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'generation') or '0')
if current ~= tonumber(ARGV[1]) then
  return { 0, current, redis.call('HGET', KEYS[1], 'tokens') }
end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  return { 1, 0, false }
end
redis.call('HSET', KEYS[1], 'generation', current + 1, 'tokens', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return { 1, current + 1, false }
`);

const DEFAULTS = { retainAfterExpiryMs: 5 * 60_000, maxIdleMs: 30 * 24 * 3_600_000 };

/**
 * A {@link TokenStore} in Redis, shared by every process that uses the same Redis and prefix: the
 * fleet keeps one token per token source instead of one per replica. Writes are compare-and-swap
 * on the generation in one Lua script, so a stale writer never overwrites a newer token. Records
 * expire by themselves (see {@link RedisTokenStoreOptions}). Token values are stored as they are
 * (Redis must be as private as the tokens); they never appear in an error or event.
 *
 * Pair it with {@link createRedisLock}, so that a refresh happens once across the fleet, and use
 * a client that fails fast when Redis is down ({@link createRedisClient}).
 *
 * @example
 * ```ts
 * const redis = await createRedisClient({ url: process.env.REDIS_URL! });
 * const credential = bearer(clientCredentials({ tokenEndpoint, clientId, clientSecret }), {
 *   store: createRedisTokenStore(redis),
 *   lock: createRedisLock(redis),
 * });
 * ```
 */
export function createRedisTokenStore(client: RedisConnection, options: RedisTokenStoreOptions = {}): TokenStore {
  const { prefix, commandTimeoutMs: timeout } = checkRedisOptions('createRedisTokenStore', client, options);
  const retainAfterExpiryMs = options.retainAfterExpiryMs === undefined ? DEFAULTS.retainAfterExpiryMs : checkPositiveInteger(options.retainAfterExpiryMs, 'retainAfterExpiryMs');
  const maxIdleMs = options.maxIdleMs === undefined ? DEFAULTS.maxIdleMs : checkPositiveInteger(options.maxIdleMs, 'maxIdleMs');
  if (options.now !== undefined && typeof options.now !== 'function') throw new TypeError('createRedisTokenStore: now must be a function');
  const now = options.now ?? Date.now;
  const redisKey = (key: string): string => `${prefix}tokens:${key}`;

  function ttlFor(tokens: TokenSet): number {
    if (tokens.refreshToken !== undefined || tokens.expiresAt === undefined) return maxIdleMs;
    return Math.min(maxIdleMs, Math.max(0, tokens.expiresAt - now()) + retainAfterExpiryMs);
  }

  return {
    name: 'redis',
    async get(key) {
      const reply = await client.sendCommand(['HMGET', redisKey(key), 'generation', 'tokens'], { timeout });
      const [generation, tokens] = reply as [string | null, string | null];
      return generation === null || tokens === null ? undefined : { generation: Number(generation), tokens: parseTokens(tokens) };
    },
    async compareAndSet(key, expectedGeneration, tokens): Promise<CompareAndSetResult> {
      const args = tokens === undefined ? [String(expectedGeneration), '', '0'] : [String(expectedGeneration), serializeTokens(tokens), String(ttlFor(tokens))];
      const reply = await COMPARE_AND_SET.run(client, [redisKey(key)], args, timeout);
      const [written, generation, stored] = reply as [number, number, string | null];
      if (written === 1) {
        const current: StoredTokens | undefined = tokens === undefined ? undefined : { generation, tokens };
        return { written: true, current };
      }
      return { written: false, current: stored === null ? undefined : { generation, tokens: parseTokens(stored) } };
    },
  };
}
