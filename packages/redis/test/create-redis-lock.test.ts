import { describe, expect, it } from 'vitest';
import { createRedisClient, createRedisLock } from '../src/index.js';
import { useRedisServer } from './support/use-redis-server.js';

const live = useRedisServer();
let n = 0;
let prefix = '';
const lock = (options: Parameters<typeof createRedisLock>[1] = {}) => createRedisLock(live.redis, { prefix, ...options });
const holder = async (key: string) => live.redis.sendCommand(['GET', `${prefix}lock:${key}`]);

describe('createRedisLock', () => {
  it('takes a free lock with SET NX PX, and a second holder cannot while it is held', async () => {
    prefix = `l${++n}:`;
    const lease = await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    expect(lease).toBeDefined();
    expect(await holder('k')).toMatch(/^[0-9a-f-]{36}$/);
    const pttl = Number(await live.redis.sendCommand(['PTTL', `${prefix}lock:k`]));
    expect(pttl).toBeGreaterThan(25_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
    expect(await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 })).toBeUndefined();
    await lease!.release();
    expect(await holder('k')).toBeNull();
    expect(await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 })).toBeDefined();
  });

  it('never releases a lock it no longer owns (its TTL ran out and another process took it)', async () => {
    prefix = `l${++n}:`;
    const first = await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    await live.redis.sendCommand(['DEL', `${prefix}lock:k`]); // as if its TTL had run out
    const second = await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    expect(second).toBeDefined();
    const owner = await holder('k');
    await first!.release();
    expect(await holder('k')).toBe(owner);
    await second!.release();
    expect(await holder('k')).toBeNull();
  });

  it('is renewable: extend moves the expiry while the lease holds the lock, and does nothing once another owns it or it was released', async () => {
    prefix = `l${++n}:`;
    const shared = lock();
    expect(shared.renewable).toBe(true);
    const lease = await shared.acquire('k', { ttlMs: 1_000, waitMs: 0 });
    const pttl = async () => Number(await live.redis.sendCommand(['PTTL', `${prefix}lock:k`]));
    expect(await pttl()).toBeLessThanOrEqual(1_000);
    expect(await lease!.extend!(60_000)).toBe(true);
    expect(await pttl()).toBeGreaterThan(55_000);
    // Its TTL ran out and another process took the lock: no renewal touches that one.
    await live.redis.sendCommand(['DEL', `${prefix}lock:k`]);
    const other = await shared.acquire('k', { ttlMs: 5_000, waitMs: 0 });
    expect(await lease!.extend!(60_000)).toBe(false);
    expect(await pttl()).toBeLessThanOrEqual(5_000);
    await other!.release();
    const released = await shared.acquire('k', { ttlMs: 5_000, waitMs: 0 });
    await released!.release();
    expect(await released!.extend!(60_000)).toBe(false);
    expect(await holder('k')).toBeNull();
  });

  it('lets a waiting follower in as soon as the holder releases', async () => {
    prefix = `l${++n}:`;
    const leader = await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    let followerHas = false;
    const follower = lock().acquire('k', { ttlMs: 30_000, waitMs: 20_000 }).then((lease) => {
      followerHas = true;
      return lease;
    });
    // The follower is polling; it must not get in while the leader holds the lock.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(followerHas).toBe(false);
    await leader!.release();
    expect(await follower).toBeDefined();
  });

  it('gives up after waitMs, polling with growing delays (fake clock, no real sleep)', async () => {
    prefix = `l${++n}:`;
    await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    let now = 0;
    const waits: number[] = [];
    const waiting = lock({ now: () => now, random: () => 0.5, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
    expect(await waiting.acquire('k', { ttlMs: 30_000, waitMs: 1_000 })).toBeUndefined();
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1_000);
    // 10 ms doubling to the 250 ms cap (with jitter fixed at 0.5: three quarters of each step).
    expect(waits.slice(0, 6)).toEqual([8, 15, 30, 60, 120, 188]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(250);
  });

  it('expires by itself when its holder never releases it', async () => {
    prefix = `l${++n}:`;
    await lock().acquire('k', { ttlMs: 150, waitMs: 0 });
    const started = Date.now();
    const next = await lock().acquire('k', { ttlMs: 30_000, waitMs: 10_000 });
    expect(next).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('stops waiting when the signal aborts', async () => {
    prefix = `l${++n}:`;
    await lock().acquire('k', { ttlMs: 30_000, waitMs: 0 });
    const controller = new AbortController();
    const waiting = lock().acquire('k', { ttlMs: 30_000, waitMs: 60_000, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toThrow(/abort/i);
  });

  it('throws at once when Redis is unreachable, so the refresher can degrade', async () => {
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      await expect(createRedisLock(dead).acquire('k', { ttlMs: 1_000, waitMs: 5_000 })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      dead.destroy();
    }
  });

  it('checks its arguments', async () => {
    expect(() => createRedisLock(null as never)).toThrow(TypeError);
    expect(() => createRedisLock(live.redis, { minPollMs: 0 })).toThrow(/minPollMs/);
    expect(() => createRedisLock(live.redis, { sleep: 1 as never })).toThrow(TypeError);
    await expect(lock().acquire('k', { ttlMs: 0, waitMs: 0 })).rejects.toThrow(/ttlMs/);
  });
});
