// @signet/redis: a shared token store, a fleet-wide refresh lock and a replay (nonce) store on
// Redis. This file only re-exports.
export { createRedisClient, type RedisClientOptions } from './create-redis-client.js';
export { createRedisLock, type RedisLockOptions } from './create-redis-lock.js';
export { createRedisNonceStore, type RedisNonceStoreOptions } from './create-redis-nonce-store.js';
export { createRedisTokenStore, type RedisTokenStoreOptions } from './create-redis-token-store.js';
export type { RedisConnection, RedisKeyOptions } from './redis-connection.js';
