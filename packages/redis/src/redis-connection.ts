/**
 * What `@signet/redis` needs from a Redis client: node-redis's `sendCommand`. A client made by
 * `createClient()` from `redis` (v5) is one; so is {@link createRedisClient}'s. Raw commands keep
 * this package independent of node-redis's per-command option shapes, which change between
 * majors.
 */
export interface RedisConnection {
  sendCommand(args: ReadonlyArray<string>, options?: { timeout?: number }): Promise<unknown>;
}

/** Options shared by the token store, the lock and the nonce store. */
export interface RedisKeyOptions {
  /** Prepended to every key this package writes (default `"signet:"`), to share a database safely. */
  prefix?: string;
  /**
   * How long one Redis command may take before it fails (default 1000 ms). A failure is what
   * lets the token refresher fall back to in-process coordination at once instead of hanging
   * behind a Redis that is down or stalled.
   */
  commandTimeoutMs?: number;
}
