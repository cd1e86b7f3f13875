import { inspect } from 'node:util';
import { Secret, SignetConfigError } from '@signet/core';
import type { TokenSet } from '@signet/core/bearer';
import { describe, expect, it } from 'vitest';
import { createRedisClient, createRedisTokenStore } from '../src/index.js';
import { useRedisServer } from './support/use-redis-server.js';

const NOW = 1_800_000_000_000;
const live = useRedisServer();
let prefix = 0;
// Each test writes under its own prefix, so tests share one server without seeing each other.
const store = (options: Parameters<typeof createRedisTokenStore>[1] = {}) => createRedisTokenStore(live.redis, { prefix: `t${++prefix}:`, now: () => NOW, ...options });
const tokens = (access: string, extra: Partial<TokenSet> = {}): TokenSet => ({ accessToken: new Secret(access), tokenType: 'Bearer', expiresAt: NOW + 300_000, obtainedAt: NOW, ...extra });

describe('createRedisTokenStore', () => {
  it('writes generation 1 on an empty key and reads it back with the tokens in Secrets', async () => {
    const s = store();
    expect(await s.get('client-a')).toBeUndefined();
    const result = await s.compareAndSet('client-a', 0, tokens('at-1', { refreshToken: new Secret('rt-1'), scope: 'read' }));
    expect(result.written).toBe(true);
    expect(result.current?.generation).toBe(1);
    const read = await s.get('client-a');
    expect(read?.generation).toBe(1);
    expect(read?.tokens.accessToken).toBeInstanceOf(Secret);
    expect(read?.tokens.accessToken.reveal()).toBe('at-1');
    expect(read?.tokens.refreshToken?.reveal()).toBe('rt-1');
    expect(read?.tokens).toMatchObject({ tokenType: 'Bearer', expiresAt: NOW + 300_000, obtainedAt: NOW, scope: 'read' });
    // What a log would print carries no token.
    expect(JSON.stringify(read)).not.toContain('at-1');
    expect(inspect(read, { depth: 5 })).not.toContain('rt-1');
  });

  it('refuses a stale writer and hands it the newer record instead', async () => {
    const s = store();
    await s.compareAndSet('k', 0, tokens('at-1'));
    await s.compareAndSet('k', 1, tokens('at-2'));
    const stale = await s.compareAndSet('k', 1, tokens('at-stale'));
    expect(stale.written).toBe(false);
    expect(stale.current?.generation).toBe(2);
    expect(stale.current?.tokens.accessToken.reveal()).toBe('at-2');
    expect((await s.get('k'))?.tokens.accessToken.reveal()).toBe('at-2');
    // A writer that believes nothing is stored is refused too.
    expect((await s.compareAndSet('k', 0, tokens('at-x'))).written).toBe(false);
  });

  it('lets exactly one of 50 concurrent writers of the same generation win', async () => {
    const s = store();
    await s.compareAndSet('race', 0, tokens('at-0'));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => s.compareAndSet('race', 1, tokens(`at-${i + 1}`))));
    const winners = results.filter((r) => r.written);
    expect(winners).toHaveLength(1);
    const stored = await s.get('race');
    expect(stored?.generation).toBe(2);
    expect(stored?.tokens.accessToken.reveal()).toBe(winners[0]?.current?.tokens.accessToken.reveal());
    for (const loser of results.filter((r) => !r.written)) expect(loser.current?.generation).toBe(2);
  });

  it('deletes (session end) only under the same condition', async () => {
    const s = store();
    await s.compareAndSet('end', 0, tokens('at-1'));
    await s.compareAndSet('end', 1, tokens('at-2'));
    const stale = await s.compareAndSet('end', 1, undefined);
    expect(stale).toMatchObject({ written: false, current: { generation: 2 } });
    expect(await s.get('end')).toBeDefined();
    expect(await s.compareAndSet('end', 2, undefined)).toEqual({ written: true, current: undefined });
    expect(await s.get('end')).toBeUndefined();
    // After the end, a new sign-in starts from generation 0 again.
    expect((await s.compareAndSet('end', 0, tokens('at-new'))).current?.generation).toBe(1);
  });

  it('expires a record without a refresh token some time after its access token', async () => {
    const s = store({ retainAfterExpiryMs: 60_000 });
    await s.compareAndSet('ttl', 0, tokens('at', { expiresAt: NOW + 300_000 }));
    const pttl = Number(await live.redis.sendCommand(['PTTL', `t${prefix}:tokens:ttl`]));
    expect(pttl).toBeGreaterThan(360_000 - 5_000);
    expect(pttl).toBeLessThanOrEqual(360_000);
  });

  it('keeps a record with a refresh token for maxIdleMs after each write, since dropping it would end the session', async () => {
    const s = store({ maxIdleMs: 86_400_000 });
    await s.compareAndSet('rt', 0, tokens('at', { expiresAt: NOW - 1, refreshToken: new Secret('rt') }));
    const pttl = Number(await live.redis.sendCommand(['PTTL', `t${prefix}:tokens:rt`]));
    expect(pttl).toBeGreaterThan(86_400_000 - 5_000);
    expect(pttl).toBeLessThanOrEqual(86_400_000);
  });

  it('stores the token values only inside Redis, and a record it cannot read fails without quoting it', async () => {
    const s = store();
    await s.compareAndSet('raw', 0, tokens('at-secret-123'));
    const raw = String(await live.redis.sendCommand(['HGET', `t${prefix}:tokens:raw`, 'tokens']));
    expect(JSON.parse(raw)).toMatchObject({ v: 1, accessToken: 'at-secret-123' });
    await live.redis.sendCommand(['HSET', `t${prefix}:tokens:raw`, 'tokens', '{"v":1,"accessToken":"leaked-value","tokenType":7}']);
    const error = await s.get('raw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/not one this version can read/);
    expect(String((error as Error).message)).not.toContain('leaked-value');
  });

  it('fails fast (not hangs) when Redis is unreachable', async () => {
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1' });
    try {
      const s = createRedisTokenStore(dead);
      const started = Date.now();
      await expect(s.get('k')).rejects.toThrow();
      await expect(s.compareAndSet('k', 0, tokens('at'))).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      dead.destroy();
    }
  });

  it('checks its arguments', () => {
    expect(() => createRedisTokenStore({} as never)).toThrow(TypeError);
    expect(() => createRedisTokenStore(live.redis, { prefix: 3 as never })).toThrow(SignetConfigError);
    expect(() => createRedisTokenStore(live.redis, { retainAfterExpiryMs: -1 })).toThrow(/retainAfterExpiryMs/);
    expect(() => createRedisTokenStore(live.redis, { commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
  });
});
