import type { AcquireOptions, LockLease, RefreshLock } from '../refresh-lock.js';
import { type BrowserTimers, globalTimers } from './browser-timers.js';

/**
 * A {@link RefreshLock} inside one tab (one JavaScript realm): the fallback of `createTabsLock`
 * where Web Locks are missing. It orders refreshers of one tab that share a store; it does NOT
 * coordinate tabs, so two tabs may refresh at once (and, with a rotating refresh token, trip
 * the server's reuse detection). Its name, `in-tab`, shows in events so this is visible.
 */
export function createInTabLock({ timers = globalTimers }: { timers?: BrowserTimers } = {}): RefreshLock {
  // Per key, the promise the next acquirer waits for: the last holder's (or waiter's) release.
  const tails = new Map<string, Promise<void>>();
  return {
    name: 'in-tab',
    async acquire(key: string, { ttlMs, waitMs, signal }: AcquireOptions): Promise<LockLease | undefined> {
      signal?.throwIfAborted();
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      let waitTimer: unknown;
      const timedOut = new Promise<false>((resolve) => (waitTimer = timers.setTimeout(() => resolve(false), waitMs)));
      const got = await Promise.race([previous.then(() => true as const), timedOut]);
      timers.clearTimeout(waitTimer);
      if (!got) {
        // Gave up: our place in the queue passes straight on once the holder before us is done.
        release();
        return undefined;
      }
      const ttlTimer = timers.setTimeout(release, ttlMs);
      return {
        release: async () => {
          timers.clearTimeout(ttlTimer);
          release();
        },
      };
    },
  };
}
