import { SignetConfigError } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { createInTabLock, createTabsLock } from '../../../src/tokens/browser/index.js';
import { fakeLockManager, manualTimers, settle } from './fake-browser.js';

const options = { ttlMs: 30_000, waitMs: 1_000 };

function tabs() {
  const locks = fakeLockManager();
  const timers = manualTimers();
  const lock = (id: string) => createTabsLock({ locks: locks.client(id), timers });
  return { locks, timers, lock };
}

describe('createTabsLock', () => {
  it('lets one tab at a time hold a key, the next one in when the first releases', async () => {
    const { lock, locks } = tabs();
    const first = await lock('a').acquire('k', options);
    expect(first).toBeDefined();
    expect(locks.holder('signet-refresh:k')).toBe('a');
    let second: unknown = 'waiting';
    const pending = lock('b').acquire('k', options).then((lease) => (second = lease));
    await settle();
    expect(second).toBe('waiting');
    // Another key is independent.
    expect(await lock('c').acquire('other', options)).toBeDefined();
    await first!.release();
    await pending;
    expect(second).toBeDefined();
    expect(locks.holder('signet-refresh:k')).toBe('b');
  });

  it('resolves undefined after waitMs while another tab holds it, and leaves the queue', async () => {
    const { lock, locks, timers } = tabs();
    const held = await lock('a').acquire('k', options);
    let result: unknown = 'waiting';
    const pending = lock('b').acquire('k', options).then((lease) => (result = lease));
    timers.advance(999);
    await settle();
    expect(result).toBe('waiting');
    timers.advance(1);
    await pending;
    expect(result).toBeUndefined();
    await held!.release();
    await settle();
    // b gave up, so it must not be holding the lock now.
    expect(locks.holder('signet-refresh:k')).toBeUndefined();
  });

  it('with waitMs 0, takes the lock only if it is free now', async () => {
    const { lock } = tabs();
    const held = await lock('a').acquire('k', { ttlMs: 1000, waitMs: 0 });
    expect(held).toBeDefined();
    expect(await lock('b').acquire('k', { ttlMs: 1000, waitMs: 0 })).toBeUndefined();
  });

  it('releases when the holding tab is closed (the browser does it), so a waiter gets in before waitMs', async () => {
    const { lock, locks } = tabs();
    await lock('a').acquire('k', options); // never released by a
    const waiting = lock('b').acquire('k', options);
    locks.close('a');
    expect(await waiting).toBeDefined();
    expect(locks.holder('signet-refresh:k')).toBe('b');
  });

  it('lets go after ttlMs when the holder is alive but stuck', async () => {
    const { lock, locks, timers } = tabs();
    await lock('a').acquire('k', { ttlMs: 5_000, waitMs: 60_000 });
    const waiting = lock('b').acquire('k', { ttlMs: 5_000, waitMs: 60_000 });
    timers.advance(4_999);
    await settle();
    expect(locks.holder('signet-refresh:k')).toBe('a');
    timers.advance(1);
    expect(await waiting).toBeDefined();
    expect(locks.holder('signet-refresh:k')).toBe('b');
  });

  it("rejects with the caller's abort reason", async () => {
    const { lock } = tabs();
    await lock('a').acquire('k', options);
    const controller = new AbortController();
    const waiting = lock('b').acquire('k', { ...options, signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });

  it('falls back to a lock inside this tab where Web Locks are missing, and says so in its name', async () => {
    // Node has no navigator.locks.
    expect(createTabsLock().name).toBe('in-tab');
    expect(createTabsLock({ locks: fakeLockManager().client('a') }).name).toBe('web-locks');
    expect(() => createTabsLock({ locks: {} as never })).toThrow(SignetConfigError);
    expect(() => createTabsLock({ name: '' })).toThrow(/^name: /);
  });
});

describe('createInTabLock', () => {
  it('orders holders, gives up after waitMs, and lets go after ttlMs', async () => {
    const timers = manualTimers();
    const lock = createInTabLock({ timers });
    const first = await lock.acquire('k', { ttlMs: 10_000, waitMs: 100 });
    expect(first).toBeDefined();
    const gaveUp = lock.acquire('k', { ttlMs: 10_000, waitMs: 100 });
    timers.advance(100);
    expect(await gaveUp).toBeUndefined();
    let third: unknown = 'waiting';
    const pending = lock.acquire('k', { ttlMs: 10_000, waitMs: 60_000 }).then((lease) => (third = lease));
    await settle();
    expect(third).toBe('waiting');
    timers.advance(9_900); // the first holder's TTL
    await pending;
    expect(third).toBeDefined();
  });
});
