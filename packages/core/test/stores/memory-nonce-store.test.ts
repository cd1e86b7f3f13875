import { describe, expect, test } from 'vitest';
import { createMemoryNonceStore, SignetConfigError } from '@signet/core';

describe('createMemoryNonceStore', () => {
  let now = 1_000;
  const store = (maxEntries?: number) => createMemoryNonceStore({ now: () => now, ...(maxEntries ? { maxEntries } : {}) });

  test('a nonce is claimed once; a second claim before expiry is a replay', async () => {
    now = 1_000;
    const nonces = store();
    expect(await nonces.claim('k1:n1', 2_000)).toBe('claimed');
    expect(await nonces.claim('k1:n1', 2_000)).toBe('replayed');
    expect(await nonces.claim('k2:n1', 2_000)).toBe('claimed');
  });

  test('after expiry the entry is gone and the nonce can be claimed again', async () => {
    now = 1_000;
    const nonces = store();
    await nonces.claim('n', 1_500);
    now = 1_500;
    expect(await nonces.claim('n', 2_500)).toBe('claimed');
  });

  test('at its bound it purges expired entries, and with only live ones it refuses: full', async () => {
    now = 1_000;
    const nonces = store(2);
    await nonces.claim('a', 1_100);
    await nonces.claim('b', 5_000);
    expect(await nonces.claim('c', 5_000)).toBe('full');
    now = 1_100;
    expect(await nonces.claim('c', 5_000)).toBe('claimed');
    expect(await nonces.claim('d', 5_000)).toBe('full');
    expect(await nonces.claim('b', 5_000)).toBe('replayed');
  });

  test('expired entries are purged wherever they are, not only at the front', async () => {
    now = 1_000;
    const nonces = store(2);
    await nonces.claim('late', 9_000);
    await nonces.claim('early', 1_500);
    now = 2_000;
    expect(await nonces.claim('new', 9_000)).toBe('claimed');
  });

  test('of many concurrent claims of one nonce exactly one wins', async () => {
    now = 1_000;
    const nonces = store();
    const results = await Promise.all(Array.from({ length: 50 }, () => nonces.claim('same', 9_000)));
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
  });

  test('maxEntries is checked', () => {
    expect(() => createMemoryNonceStore({ maxEntries: 0 })).toThrow(SignetConfigError);
  });
});
