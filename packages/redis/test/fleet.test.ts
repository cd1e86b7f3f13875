// A fleet of real Node processes sharing tokens through a real redis-server: one refresh for the
// whole fleet, a dead lock holder replaced once its lock expires, and Redis going away and coming
// back while requests go on.
import { fileURLToPath } from 'node:url';
import { Secret, type SignetEvent } from '@signet/core';
import { createTokenRefresher } from '@signet/core/bearer';
import { clientCredentials, refreshToken } from '@signet/core/oauth2';
import type { AuthorizationServerCounters } from '@signet/verifier';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisTokenStore } from '../src/index.js';
import { bundleForNode } from './support/bundle-for-node.js';
import type { BurstReply, FleetChildConfig } from './support/fleet-child.js';
import { type FleetProcess, startFleetProcess } from './support/fleet.js';
import { type RedisServer, startRedisServer } from './support/start-redis-server.js';
import { startTokenWorld, type TokenWorld } from './support/start-token-world.js';

let redisServer: RedisServer;
let redis: RedisClientType;
let world: TokenWorld;
let script: string;
const processes: FleetProcess[] = [];

beforeAll(async () => {
  [redisServer, world, script] = await Promise.all([startRedisServer(), startTokenWorld(), bundleForNode(fileURLToPath(new URL('./support/fleet-child.ts', import.meta.url)))]);
  redis = createClient({ url: redisServer.url });
  // The outage test kills the server under this client too; it reconnects by itself.
  redis.on('error', () => undefined);
  await redis.connect();
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  redis?.destroy();
  await redisServer?.kill();
  await world?.server.close();
});

function config(prefix: string, grant: FleetChildConfig['grant'], lock: { ttlMs: number; waitMs: number } = { ttlMs: 30_000, waitMs: 15_000 }): FleetChildConfig {
  const { tokenEndpoint, resourceUrl, clientId, clientSecret } = world;
  return { redisUrl: redisServer.url, prefix, tokenEndpoint, resourceUrl, grant, clientId, clientSecret, lockTtlMs: lock.ttlMs, lockWaitMs: lock.waitMs };
}

async function fleet(count: number, childConfig: FleetChildConfig): Promise<FleetProcess[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startFleetProcess(script, childConfig)));
  processes.push(...started);
  return started;
}

// Counter deltas, so scenarios can share one authorization server.
function counting(): () => { refresh: number; clientCredentials: number; reuse: number; revoked: number } {
  const before: AuthorizationServerCounters = world.as.counters;
  return () => {
    const now = world.as.counters;
    return {
      refresh: now.tokenRequests.refresh_token - before.tokenRequests.refresh_token,
      clientCredentials: now.tokenRequests.client_credentials - before.tokenRequests.client_credentials,
      reuse: now.refreshTokenReuse - before.refreshTokenReuse,
      revoked: now.familiesRevoked - before.familiesRevoked,
    };
  };
}

/** Seeds the shared store with an expired access token and a live refresh token, as after a sign-in an hour ago. */
async function seedExpired(prefix: string): Promise<string> {
  const source = refreshToken({ tokenEndpoint: world.tokenEndpoint, clientId: world.clientId, clientSecret: world.clientSecret });
  const now = Date.now();
  const refresh = world.as.issueRefreshToken({ clientId: world.clientId });
  const store = createRedisTokenStore(redis, { prefix });
  const seeded = await store.compareAndSet(source.key, 0, {
    accessToken: new Secret('expired-access-token'),
    tokenType: 'Bearer',
    obtainedAt: now - 3_600_000,
    expiresAt: now - 3_300_000,
    refreshToken: new Secret(refresh),
  });
  expect(seeded.written).toBe(true);
  return source.key;
}

const ofType = (replies: BurstReply[], type: SignetEvent['type']) => replies.flatMap((r) => r.events.filter((e) => e.type === type));
const allOk = (replies: BurstReply[]) => replies.map((r) => ({ statuses: r.statuses, errors: r.errors }));

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a fleet sharing tokens through Redis', () => {
  it('8 processes × 100 concurrent requests with an expired token: one token request for the whole fleet, and no refresh token reuse', async () => {
    const prefix = 'fleet-a:';
    const key = await seedExpired(prefix);
    const replicas = await fleet(8, config(prefix, 'refresh_token'));
    const delta = counting();

    const replies = await Promise.all(replicas.map((r) => r.burst(100)));

    expect(allOk(replies)).toEqual(Array.from({ length: 8 }, () => ({ statuses: { 200: 100 }, errors: [] })));
    expect(delta()).toEqual({ refresh: 1, clientCredentials: 0, reuse: 0, revoked: 0 });
    // One replica refreshed; the seven others adopted its token from Redis.
    expect(ofType(replies, 'token.refresh.started')).toHaveLength(1);
    expect(ofType(replies, 'token.refresh.succeeded').filter((e) => e.type === 'token.refresh.succeeded' && e.adopted)).toHaveLength(7);
    expect(world.acceptedTokens).toBeGreaterThanOrEqual(1);
    const stored = await createRedisTokenStore(redis, { prefix }).get(key);
    expect(stored?.generation).toBe(2);
    expect(stored?.tokens.accessToken.reveal()).not.toBe('expired-access-token');
  }, 120_000);

  it('a lock holder killed mid-refresh: another process refreshes once the lock expires, and the refresh token is not reused', async () => {
    const prefix = 'fleet-b:';
    const key = await seedExpired(prefix);
    const [a, b] = await fleet(2, config(prefix, 'refresh_token', { ttlMs: 1_500, waitMs: 20_000 }));
    const delta = counting();
    // The token endpoint swallows the next request: the mock server's `delay` fault waits on its
    // sleep, which (see start-token-world.ts) never ends.
    world.as.faults.inject({ kind: 'delay', ms: 1 }, { times: 1 });

    const aBurst = a!.burst(1).catch(() => 'killed');
    await until(async () => delta().refresh === 1 && (await redis.exists(`${prefix}lock:${key}`)) === 1, 'A to hold the lock with its token request hanging');
    const bBurst = b!.burst(5);
    // B waits for the lock rather than refreshing beside A.
    await until(async () => (await redis.pTTL(`${prefix}lock:${key}`)) < 1_300, 'some of the lock TTL to pass');
    expect(delta().refresh).toBe(1);
    await a!.kill();

    const reply = await bBurst;
    expect(await aBurst).toBe('killed');
    expect({ statuses: reply.statuses, errors: reply.errors }).toEqual({ statuses: { 200: 5 }, errors: [] });
    expect(ofType([reply], 'token.refresh.started')).toHaveLength(1);
    expect(delta()).toEqual({ refresh: 2, clientCredentials: 0, reuse: 0, revoked: 0 });
    expect((await createRedisTokenStore(redis, { prefix }).get(key))?.generation).toBe(2);
  }, 60_000);

  it('Redis killed mid-run: requests go on with in-process coordination; Redis back on the same port: coordination resumes', async () => {
    const prefix = 'fleet-c:';
    const replicas = await fleet(4, config(prefix, 'client_credentials'));
    const delta = counting();

    const first = await Promise.all(replicas.map((r) => r.burst(20)));
    expect(allOk(first)).toEqual(Array.from({ length: 4 }, () => ({ statuses: { 200: 20 }, errors: [] })));
    expect(delta().clientCredentials).toBe(1);

    await redisServer.kill();
    world.revokeSeenTokens(); // every replica needs a new token now, with Redis gone
    const during = await Promise.all(replicas.map((r) => r.burst(20)));
    expect(allOk(during)).toEqual(Array.from({ length: 4 }, () => ({ statuses: { 200: 20 }, errors: [] })));
    for (const reply of during) expect(reply.events.filter((e) => e.type === 'coordination.degraded')).toHaveLength(1);
    // Alone, each replica refreshed for itself: once each, never once per request.
    expect(delta().clientCredentials).toBe(1 + 4);

    await redisServer.restart();
    for (const replica of replicas) expect(await replica.awaitRedis()).toEqual({ ready: true });
    world.revokeSeenTokens();
    const after = await Promise.all(replicas.map((r) => r.burst(20)));
    expect(allOk(after)).toEqual(Array.from({ length: 4 }, () => ({ statuses: { 200: 20 }, errors: [] })));
    for (const reply of after) expect(reply.events.filter((e) => e.type === 'coordination.restored')).toHaveLength(1);
    // Coordinated again: one token request for the fleet.
    expect(delta().clientCredentials).toBe(1 + 4 + 1);
  }, 90_000);
});
