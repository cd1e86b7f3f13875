import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedisServer } from './start-redis-server.js';

/** The server and the connected client a test file shares; read them inside tests (set in beforeAll). */
export interface RedisUnderTest {
  readonly server: RedisServer;
  readonly redis: RedisClientType;
}

/**
 * Starts one real redis-server for the calling test file and connects a client to it before its
 * tests (beforeAll), and closes both after them (afterAll). Tests share the server, so each
 * writes under its own key prefix.
 */
export function useRedisServer(): RedisUnderTest {
  let server: RedisServer | undefined;
  let redis: RedisClientType | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = createClient({ url: server.url });
    await redis.connect();
  });
  afterAll(async () => {
    redis?.destroy();
    await server?.kill();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useRedisServer: the server is started in beforeAll; read it inside a test');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get redis() {
      return started(redis);
    },
  };
}
