import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
// Test support shared with @signet/redis's own fleet tests: a real redis-server, the mock
// authorization server with a resource, and a one-file bundle of a TypeScript child script.
import { bundleForNode } from '../../../packages/redis/test/support/bundle-for-node.js';
import { type RedisServer, startRedisServer } from '../../../packages/redis/test/support/start-redis-server.js';
import { startTokenWorld, type TokenWorld } from '../../../packages/redis/test/support/start-token-world.js';
import { launchFleet } from '../launcher.js';

let redis: RedisServer;
let world: TokenWorld;
let script: string;

beforeAll(async () => {
  [redis, world, script] = await Promise.all([startRedisServer(), startTokenWorld(), bundleForNode(fileURLToPath(new URL('../worker.ts', import.meta.url)))]);
}, 60_000);
afterAll(async () => {
  await redis?.kill();
  await world?.server.close();
});

it('4 replicas × 25 requests share one client-credentials token through Redis: one token request in all', async () => {
  const before = world.as.counters.tokenRequests.client_credentials;
  const results = await launchFleet({
    workers: 4,
    script,
    execArgv: [],
    env: { ...process.env, REDIS_URL: redis.url, TOKEN_ENDPOINT: world.tokenEndpoint, CLIENT_ID: world.clientId, CLIENT_SECRET: world.clientSecret, API_URL: world.resourceUrl, REQUESTS: '25' },
  });
  expect(results.map((r) => r.statuses)).toEqual([{ 200: 25 }, { 200: 25 }, { 200: 25 }, { 200: 25 }]);
  expect(new Set(results.map((r) => r.pid)).size).toBe(4);
  expect(world.as.counters.tokenRequests.client_credentials - before).toBe(1);
  expect(world.acceptedTokens).toBe(1);
}, 90_000);
