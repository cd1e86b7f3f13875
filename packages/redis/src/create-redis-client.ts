import { checkOptionsObject, checkPositiveInteger, checkText } from '@signet/core';
import { createClient, type RedisClientType } from 'redis';

/** Options for {@link createRedisClient}. */
export interface RedisClientOptions {
  /** `redis://[[user]:password@]host[:port][/db]` or `rediss://…` for TLS. */
  url: string;
  /** How long one connection attempt may take (default 1000 ms). */
  connectTimeoutMs?: number;
  /** The longest wait between reconnection attempts (default 1000 ms); it never gives up. */
  maxReconnectDelayMs?: number;
  /**
   * Receives the client's connection errors (default: ignored). node-redis emits one per failed
   * attempt while Redis is down; without a listener, Node would crash the process on the first.
   * The token refresher already reports outages as `coordination.degraded` events.
   */
  onError?: (error: Error) => void;
}

/**
 * A node-redis client set up to fail fast, which is what makes Redis optional at run time:
 * - no offline queue: while disconnected, commands fail at once instead of waiting in memory
 *   (so requests go on with in-process coordination, rather than hang until Redis is back);
 * - reconnects forever, with capped exponential backoff and jitter, so coordination resumes by
 *   itself when Redis returns;
 * - connection errors go to `onError` instead of crashing the process.
 *
 * It starts connecting and returns at once, without waiting for Redis: a process can start while
 * Redis is down. `await once(client, 'ready')` (from `node:events`) if you want to wait. Close it
 * with `client.close()` (or `destroy()`) at shutdown.
 *
 * @example
 * ```ts
 * const redis = createRedisClient({ url: process.env.REDIS_URL!, onError: (e) => log.warn(e.message) });
 * ```
 */
export function createRedisClient(options: RedisClientOptions): RedisClientType {
  checkOptionsObject(options, 'createRedisClient(options)');
  checkText(options.url, 'url');
  const connectTimeout = options.connectTimeoutMs === undefined ? 1000 : checkPositiveInteger(options.connectTimeoutMs, 'connectTimeoutMs');
  const maxDelay = options.maxReconnectDelayMs === undefined ? 1000 : checkPositiveInteger(options.maxReconnectDelayMs, 'maxReconnectDelayMs');
  if (options.onError !== undefined && typeof options.onError !== 'function') throw new TypeError('createRedisClient: onError must be a function');
  const onError = options.onError ?? (() => undefined);
  const client: RedisClientType = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout,
      // Never false: giving up would close the client for good, and Redis would stay unused
      // after it came back.
      reconnectStrategy: (retries: number) => {
        const base = Math.min(maxDelay, 50 * 2 ** Math.min(retries, 16));
        return Math.round(base / 2 + (Math.random() * base) / 2);
      },
    },
  });
  client.on('error', onError);
  // connect() resolves once connected and rejects only if the client is closed meanwhile; either
  // way the client reports its state through events, so the promise itself is not needed.
  client.connect().catch(() => undefined);
  return client;
}
