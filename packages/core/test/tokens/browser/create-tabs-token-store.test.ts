import { Secret, SignetConfigError } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { createTabsTokenStore } from '../../../src/tokens/browser/index.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import { fakeChannels, fakeLockManager, manualTimers, settle } from './fake-browser.js';

const tokens = (n: number): TokenSet => ({ accessToken: new Secret(`access-${n}`), tokenType: 'Bearer', expiresAt: 1000 * n, obtainedAt: 0, refreshToken: new Secret(`refresh-${n}`), scope: 'read' });

function browser() {
  const locks = fakeLockManager();
  const channels = fakeChannels();
  const timers = manualTimers();
  const tab = (id: string, options: Parameters<typeof createTabsTokenStore>[0] = {}) =>
    createTabsTokenStore({ channel: channels.channel(id), locks: locks.client(id), timers, ...options });
  return { locks, channels, timers, tab };
}

describe('createTabsTokenStore', () => {
  it('hands a write to the other tabs, as Secrets again, with every field', async () => {
    const { tab } = browser();
    const a = tab('a');
    const b = tab('b');
    await Promise.all([a.ready, b.ready]);
    expect(await a.compareAndSet('k', 0, tokens(1))).toMatchObject({ written: true, current: { generation: 1 } });
    const seen = await b.get('k');
    expect(seen?.generation).toBe(1);
    expect(seen?.tokens.accessToken).toBeInstanceOf(Secret);
    expect(seen?.tokens.accessToken.reveal()).toBe('access-1');
    expect(seen?.tokens.refreshToken?.reveal()).toBe('refresh-1');
    expect(seen?.tokens).toMatchObject({ tokenType: 'Bearer', expiresAt: 1000, obtainedAt: 0, scope: 'read' });
    expect(JSON.stringify(seen)).not.toContain('access-1');
  });

  it('is compare-and-swap on the generation: a stale writer is refused and gets the current record', async () => {
    const { tab } = browser();
    const a = tab('a');
    await a.compareAndSet('k', 0, tokens(1));
    const refused = await a.compareAndSet('k', 0, tokens(2));
    expect(refused.written).toBe(false);
    expect(refused.current?.tokens.accessToken.reveal()).toBe('access-1');
    expect((await a.compareAndSet('k', 1, tokens(2))).current?.generation).toBe(2);
  });

  it('resolves a write only after every live tab has applied it, so the next lock holder re-reads it', async () => {
    const { tab, channels } = browser();
    const a = tab('a');
    const b = tab('b');
    await Promise.all([a.ready, b.ready]);
    channels.hold('b'); // b is busy: the message is not delivered yet
    let resolved = false;
    const write = a.compareAndSet('k', 0, tokens(1)).then(() => (resolved = true));
    await settle();
    expect(resolved).toBe(false); // a would still hold its lock here
    channels.release('b');
    await write;
    // b applied the record before acknowledging it: a read right after a's write returns it.
    expect((await b.get('k'))?.tokens.accessToken.reveal()).toBe('access-1');
  });

  it('does not wait for a closed tab, and stops waiting for a frozen one after deliveryTimeoutMs', async () => {
    const { tab, channels, locks, timers } = browser();
    const a = tab('a', { deliveryTimeoutMs: 500 });
    const b = tab('b');
    const c = tab('c');
    await Promise.all([a.ready, b.ready, c.ready]);
    locks.close('c'); // closed: its membership lock is gone
    channels.closeAll('c');
    await a.compareAndSet('k', 0, tokens(1)); // resolves with b's ack alone
    channels.hold('b'); // frozen
    let resolved = false;
    const write = a.compareAndSet('k', 1, tokens(2)).then(() => (resolved = true));
    await settle();
    expect(resolved).toBe(false);
    timers.advance(499);
    await settle();
    expect(resolved).toBe(false);
    timers.advance(1);
    await write;
    channels.release('b');
    await settle();
    expect((await b.get('k'))?.generation).toBe(2);
  });

  it('gives a new tab the tokens the open tabs hold before its first read', async () => {
    const { tab } = browser();
    const a = tab('a');
    await a.compareAndSet('k', 0, tokens(1));
    const late = tab('late');
    expect((await late.get('k'))?.tokens.accessToken.reveal()).toBe('access-1');
  });

  it('converges when two tabs write at once without the lock (the later version wins everywhere)', async () => {
    const { tab } = browser();
    const a = tab('a');
    const b = tab('b');
    await Promise.all([a.ready, b.ready]);
    await Promise.all([a.compareAndSet('k', 0, tokens(1)), b.compareAndSet('k', 0, tokens(2))]);
    await settle();
    const [fromA, fromB] = await Promise.all([a.get('k'), b.get('k')]);
    expect(fromA?.tokens.accessToken.reveal()).toBe(fromB?.tokens.accessToken.reveal());
  });

  it('deletes everywhere, and a late copy of the deleted record does not bring it back', async () => {
    const { tab, channels } = browser();
    const a = tab('a');
    const b = tab('b');
    const c = tab('c');
    await Promise.all([a.ready, b.ready, c.ready]);
    await a.compareAndSet('k', 0, tokens(1));
    channels.hold('c');
    const deleted = a.compareAndSet('k', 1, undefined);
    await settle();
    channels.release('c');
    expect(await deleted).toEqual({ written: true, current: undefined });
    expect(await b.get('k')).toBeUndefined();
    expect(await c.get('k')).toBeUndefined();
    // A new sign-in starts again at generation 1 and reaches every tab.
    expect((await b.compareAndSet('k', 0, tokens(3))).current?.generation).toBe(1);
    expect((await c.get('k'))?.tokens.accessToken.reveal()).toBe('access-3');
  });

  it('ignores malformed messages and messages that are not its own', async () => {
    const { tab, channels } = browser();
    const a = tab('a');
    await a.ready;
    const intruder = channels.channel('x');
    intruder.postMessage({ kind: 'record', id: '1', from: 'x', key: 'k', entry: { generation: 1, version: 99, writer: 'x', tokens: { accessToken: 42 } } });
    intruder.postMessage('hello');
    intruder.postMessage({ kind: 'nope', id: '1', from: 'x' });
    await settle();
    expect(await a.get('k')).toBeUndefined();
  });

  it("keeps tokens in storage only when asked ('local'), and a new store starts from them", async () => {
    const { tab } = browser();
    const area = memoryStorage();
    const a = tab('a', { storage: 'local', storageArea: area });
    await a.compareAndSet('k', 0, tokens(1));
    expect(JSON.parse(area.getItem('signet-tokens:k')!)).toMatchObject({ generation: 1, tokens: { accessToken: 'access-1', refreshToken: 'refresh-1' } });
    a.close();
    const reopened = createTabsTokenStore({ storage: 'local', storageArea: area, channel: null, locks: null });
    expect((await reopened.get('k'))?.tokens.refreshToken?.reveal()).toBe('refresh-1');
    await reopened.compareAndSet('k', 1, undefined);
    expect(area.getItem('signet-tokens:k')).toBeNull();

    const memoryOnly = memoryStorage();
    const b = tab('b', { storageArea: memoryOnly });
    await b.compareAndSet('k', 0, tokens(1));
    expect(memoryOnly.length).toBe(0);
  });

  it('names the field of a bad option', () => {
    expect(() => createTabsTokenStore({ storage: 'cookie' as never })).toThrow(SignetConfigError);
    expect(() => createTabsTokenStore({ storage: 'cookie' as never })).toThrow(/^storage: /);
    expect(() => createTabsTokenStore({ deliveryTimeoutMs: -1, channel: null, locks: null })).toThrow(/^deliveryTimeoutMs: /);
    // Node has no sessionStorage: said at construction, not at the first write.
    expect(() => createTabsTokenStore({ storage: 'session', channel: null, locks: null })).toThrow(/^storage: sessionStorage is not available/);
  });
});

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}
