// Two verifier instances (two replicas behind one load balancer) sharing one Redis nonce store.
import { createAuthContext, createClock } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { createVerifier, type Verifier } from '@signet/verifier';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, createRedisNonceStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './support/start-redis-server.js';

const SECRET = 'shared-replay-secret-0123456789-abcdef';
const NOW = 1_800_000_000_000;
const now = () => NOW;
let server: RedisServer;
const clients: RedisClientType[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await server?.kill();
});

// Each instance has its own connection, as separate processes would.
async function instance(prefix: string): Promise<Verifier> {
  const redis: RedisClientType = createClient({ url: server.url });
  redis.on('error', () => undefined);
  await redis.connect();
  clients.push(redis);
  return createVerifier({ now, hmac: { keys: { partner: SECRET }, nonceStore: createRedisNonceStore(redis, { prefix, now }) } });
}

let nonce = 0;
async function signed(): Promise<() => Request> {
  const context = createAuthContext({ clock: createClock({ now }), nonce: () => `nonce-${++nonce}` });
  const request = await hmac({ keyId: 'partner', secret: SECRET }).authorize(
    { method: 'POST', url: new URL('https://api.example.com/v1/orders'), headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{"id":1}') },
    context,
  );
  // A captured request can be sent any number of times, to any instance.
  return () => new Request(request.url, { method: request.method, headers: request.headers, body: request.body as Uint8Array<ArrayBuffer> });
}

describe('createRedisNonceStore shared by two verifier instances', () => {
  it('refuses on one instance a request already accepted by the other', async () => {
    const [a, b] = await Promise.all([instance('r1:'), instance('r1:')]);
    const capture = await signed();
    expect(await a.verify(capture())).toMatchObject({ ok: true, identity: 'partner' });
    expect(await b.verify(capture())).toMatchObject({ ok: false, reason: 'nonce_replay', status: 401 });
    expect(await a.verify(capture())).toMatchObject({ ok: false, reason: 'nonce_replay' });
    // A fresh request (new nonce) still passes on either.
    expect(await b.verify((await signed())())).toMatchObject({ ok: true });
  });

  it('accepts exactly one of the same request sent to both instances at once', async () => {
    const [a, b] = await Promise.all([instance('r2:'), instance('r2:')]);
    const capture = await signed();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).verify(capture())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'nonce_replay')).toHaveLength(19);
  });

  it('fails closed when Redis is unreachable: the request is refused with 503, never accepted', async () => {
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1' });
    try {
      const verifier = createVerifier({ now, hmac: { keys: { partner: SECRET }, nonceStore: createRedisNonceStore(dead, { now }) } });
      // The store cannot vouch for the nonce: refused as "full" (503), not an exception (a 500).
      expect(await verifier.verify((await signed())())).toMatchObject({ ok: false, status: 503, reason: 'nonce_store_full' });
    } finally {
      dead.destroy();
    }
  });
});
