// The refresher with the tabs store and lock, three "tabs" on fake browser APIs: the behaviour
// the SPA example then shows in real Chromium.
import type { SignetEvent } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { createTokenRefresher } from '../../../src/tokens/create-token-refresher.js';
import { createTabsLock, createTabsTokenStore } from '../../../src/tokens/browser/index.js';
import { contextWith, countingSource, gate, manualClock } from '../support.js';
import { fakeChannels, fakeLockManager, settle } from './fake-browser.js';

function threeTabs(behaviour?: (call: number) => Promise<void> | void) {
  const locks = fakeLockManager();
  const channels = fakeChannels();
  const time = manualClock();
  const { source, calls } = countingSource(time.clock, { lifetimeMs: 60_000, ...(behaviour && { behaviour }) });
  const tab = (id: string) => {
    const events: SignetEvent[] = [];
    const store = createTabsTokenStore({ channel: channels.channel(id), locks: locks.client(id) });
    const refresher = createTokenRefresher(source, { store, lock: createTabsLock({ locks: locks.client(id) }), lockWaitMs: 600_000, lockTtlMs: 600_000 });
    return { id, store, refresher, events, context: contextWith(time.clock, events) };
  };
  return { locks, channels, time, calls, tabs: [tab('a'), tab('b'), tab('c')] };
}

describe('token refresh across tabs (tabs store + Web Locks)', () => {
  it('refreshes once for three tabs that need a token at once; the others adopt it', async () => {
    const { tabs, calls, time } = threeTabs();
    const [a] = tabs;
    await a!.refresher.token(a!.context);
    time.advance(60_000); // expired everywhere
    const records = await Promise.all(tabs.map((tab) => tab.refresher.token(tab.context)));
    expect(calls).toHaveLength(2);
    // The second call used the refresh token the first one issued: rotation is followed.
    expect(calls[1]?.refreshToken?.reveal()).toBe('refresh-1');
    expect(records.map((record) => record.tokens.accessToken.reveal())).toEqual(['token-2', 'token-2', 'token-2']);
    const adopted = tabs.flatMap((tab) => tab.events).filter((event) => event.type === 'token.refresh.succeeded' && event.adopted);
    expect(adopted.length).toBeGreaterThanOrEqual(2);
  });

  it('a tab closed while its refresh hangs does not block the others: one of them refreshes, with the unspent refresh token', async () => {
    const hang = gate();
    const { tabs, calls, time, locks } = threeTabs((call) => (call === 2 ? hang.promise : undefined));
    const [a, b, c] = tabs;
    await a!.refresher.token(a!.context);
    time.advance(60_000);
    void a!.refresher.token(a!.context).catch(() => undefined); // holds the lock, its request hangs
    await settle();
    expect(calls).toHaveLength(2);
    expect(locks.holder('signet-refresh:test')).toBe('a');
    const waiting = Promise.all([b!.refresher.token(b!.context), c!.refresher.token(c!.context)]);
    await settle();
    expect(calls).toHaveLength(2); // b and c wait for a (lockWaitMs is ten minutes)
    locks.close('a'); // the tab is closed
    const [fromB, fromC] = await waiting;
    expect(calls).toHaveLength(3);
    expect(calls[2]?.refreshToken?.reveal()).toBe('refresh-1');
    expect(fromB.tokens.accessToken.reveal()).toBe('token-3');
    expect(fromC.tokens.accessToken.reveal()).toBe('token-3');
  });
});
