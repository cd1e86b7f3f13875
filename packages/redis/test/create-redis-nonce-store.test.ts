import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { createRedisClient, createRedisNonceStore } from '../src/index.js';
import { useRedisServer } from './support/use-redis-server.js';

const NOW = 1_800_000_000_000;
const live = useRedisServer();

describe('createRedisNonceStore', () => {
  it('claims a nonce once; the second claim is a replay', async () => {
    const nonces = createRedisNonceStore(live.redis, { prefix: 'n1:', now: () => NOW });
    expect(await nonces.claim('key-1:abc', NOW + 301_000)).toBe('claimed');
    expect(await nonces.claim('key-1:abc', NOW + 301_000)).toBe('replayed');
    expect(await nonces.claim('key-1:abd', NOW + 301_000)).toBe('claimed');
  });

  it('holds a nonce until its expiry on the verifier clock, then lets Redis drop it', async () => {
    const nonces = createRedisNonceStore(live.redis, { prefix: 'n2:', now: () => NOW });
    await nonces.claim('k:n', NOW + 301_000);
    const pttl = Number(await live.redis.sendCommand(['PTTL', 'n2:nonce:k:n']));
    expect(pttl).toBeGreaterThan(296_000);
    expect(pttl).toBeLessThanOrEqual(301_000);
  });

  it('is atomic: of 50 concurrent claims of one nonce, through two connections, exactly one wins', async () => {
    const other = createClient({ url: live.server.url });
    await other.connect();
    try {
      const a = createRedisNonceStore(live.redis, { prefix: 'n3:' });
      const b = createRedisNonceStore(other, { prefix: 'n3:' });
      const expires = Date.now() + 60_000;
      const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).claim('k:same', expires)));
      expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c === 'replayed')).toHaveLength(49);
    } finally {
      other.destroy();
    }
  });

  it("answers 'full' only when Redis refuses the write for lack of memory (OOM)", async () => {
    const nonces = createRedisNonceStore(live.redis, { prefix: 'n4:' });
    await live.redis.sendCommand(['CONFIG', 'SET', 'maxmemory-policy', 'noeviction']);
    await live.redis.sendCommand(['CONFIG', 'SET', 'maxmemory', '1']);
    try {
      expect(await nonces.claim('k:oom', Date.now() + 60_000)).toBe('full');
    } finally {
      await live.redis.sendCommand(['CONFIG', 'SET', 'maxmemory', '0']);
    }
    expect(await nonces.claim('k:oom', Date.now() + 60_000)).toBe('claimed');
  });

  it('throws (fails closed) when Redis is unreachable, rather than vouching for a nonce it could not record', async () => {
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      await expect(createRedisNonceStore(dead).claim('k:n', Date.now() + 60_000)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      dead.destroy();
    }
  });
});
