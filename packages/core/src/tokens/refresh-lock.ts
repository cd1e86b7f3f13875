/** A held lock; release it when the refresh is done (it also expires by itself after its TTL). */
export interface LockLease {
  release(): Promise<void>;
}

/** Options of {@link RefreshLock.acquire}. */
export interface AcquireOptions {
  /** How long the lock holds if its holder never releases it (a crashed process, a closed tab). */
  readonly ttlMs: number;
  /** How long to wait for a lock someone else holds before giving up. */
  readonly waitMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * A lock across token refreshers that share a store: browser tabs (Web Locks) or processes
 * (Redis). Within one refresher, refreshes are already single-flight; this lock makes them
 * single-flight across all holders of the store, so a rotating refresh token is used once.
 *
 * A refresher that gets the lock reads the store again before refreshing: the holder before it
 * has usually just written a fresh token, which it adopts instead of refreshing (followers get the
 * leader's result). If `acquire` throws (Redis is down), the refresher goes on with in-process
 * coordination only and reports `coordination.degraded`.
 */
export interface RefreshLock {
  /** A name for events (`redis`, `web-locks`). */
  readonly name: string;
  /** Resolves with a lease once held, or `undefined` if `waitMs` passed first. */
  acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined>;
}
