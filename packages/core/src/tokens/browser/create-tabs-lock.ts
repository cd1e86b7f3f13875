import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkText } from '../../options/check.js';
import type { AcquireOptions, LockLease, RefreshLock } from '../refresh-lock.js';
import { type BrowserTimers, globalTimers } from './browser-timers.js';
import { createInTabLock } from './create-in-tab-lock.js';
import { defaultWebLocks, type WebLocksLike } from './web-locks-like.js';

/** Options for {@link createTabsLock}. */
export interface TabsLockOptions {
  /** Prefix of the Web Lock names (default `signet-refresh`); the token source's key follows it. */
  name?: string;
  /** The Web Locks API (default `navigator.locks`); tests pass a fake. */
  locks?: WebLocksLike;
  /** Timers for the wait and the TTL (default the global ones); tests pass fakes. */
  timers?: BrowserTimers;
}

/**
 * A {@link RefreshLock} shared by every tab, window and worker of this origin, on the Web Locks
 * API, so a rotating refresh token is used by one tab at a time.
 *
 * - A tab closed (or crashed) while holding the lock releases it: the browser does that.
 * - A holder that is alive but stuck (its token request hangs) lets go after `ttlMs`, because
 *   Web Locks have no expiry of their own.
 * - A holder that is frozen (a discarded or frozen background tab runs no JavaScript, so no TTL
 *   fires) keeps it: the others stop waiting after `waitMs`, and `acquire` resolves `undefined`.
 *   The refresher then refreshes without the lock. With a rotating refresh token that is a race:
 *   if the frozen holder's request still reaches the server later, the server sees the old
 *   refresh token twice and (per RFC 9700 §4.14.2) revokes the whole family, so the user signs in
 *   again. That is the price of not blocking forever; keep `lockWaitMs` well above the token
 *   endpoint's normal latency.
 *
 * Where Web Locks are missing (Safari before 15.4, Firefox before 96, non-secure contexts), this
 * falls back to a lock inside this tab only ({@link createInTabLock}, name `in-tab`): tabs are then
 * not coordinated, and two of them may refresh at once. There is no sound cross-tab fallback:
 * localStorage has no atomic compare-and-set, so a "lease" written there can be taken by two tabs.
 *
 * @example
 * ```ts
 * import { createTabsLock, createTabsTokenStore } from '@signet/core/browser';
 * const credential = bearer(refreshToken({ tokenEndpoint, clientId: 'spa' }), {
 *   store: createTabsTokenStore(),
 *   lock: createTabsLock(),
 * });
 * ```
 */
export function createTabsLock(options: TabsLockOptions = {}): RefreshLock {
  checkOptionsObject(options, 'options');
  const prefix = options.name === undefined ? 'signet-refresh' : checkText(options.name, 'name');
  if (options.locks !== undefined && typeof options.locks?.request !== 'function') throw new SignetConfigError('locks', 'must be a Web Locks LockManager (navigator.locks)');
  const timers = options.timers ?? globalTimers;
  const locks = options.locks ?? defaultWebLocks();
  if (locks === undefined) return createInTabLock({ timers });

  return {
    name: 'web-locks',
    acquire(key: string, { ttlMs, waitMs, signal }: AcquireOptions): Promise<LockLease | undefined> {
      signal?.throwIfAborted();
      return new Promise((resolve, reject) => {
        const gaveUp = new AbortController();
        const onAbort = () => gaveUp.abort(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        // waitMs 0 means "only if free now": Web Locks' ifAvailable, which cannot take a signal.
        const waitTimer = waitMs > 0 ? timers.setTimeout(() => gaveUp.abort(), waitMs) : undefined;
        const options: LockOptions = waitMs > 0 ? { signal: gaveUp.signal } : { ifAvailable: true };
        const done = () => {
          if (waitTimer !== undefined) timers.clearTimeout(waitTimer);
          signal?.removeEventListener('abort', onAbort);
        };
        locks
          .request(`${prefix}:${key}`, options, (lock) => {
            done();
            if (lock === null) {
              resolve(undefined);
              return undefined;
            }
            // Held until released, or until the TTL: a live holder whose refresh hangs lets go.
            return new Promise<void>((release) => {
              const ttlTimer = timers.setTimeout(release, ttlMs);
              resolve({
                release: async () => {
                  timers.clearTimeout(ttlTimer);
                  release();
                },
              });
            });
          })
          .catch((error: unknown) => {
            done();
            // The wait ran out (our abort): no lease. The caller's own abort rejects with its reason.
            if (signal?.aborted) reject(signal.reason);
            else if (gaveUp.signal.aborted) resolve(undefined);
            else reject(error);
          });
      });
    },
  };
}
