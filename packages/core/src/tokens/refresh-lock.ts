/** A held lock; release it when the refresh is done (it also expires by itself after its TTL). */
export interface LockLease {
  release(): Promise<void>;
  /**
   * Moves the lock's expiry to `ttlMs` from now, if this lease still holds it. Resolves `false`
   * when it does not (it expired, and another holder may have it). Present on
   * {@link RefreshLock.renewable} locks: the token refresher renews its lease every third of the
   * TTL while its refresh runs, so a refresh slower than the TTL keeps the lock.
   */
  extend?(ttlMs: number): Promise<boolean>;
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
  /**
   * True when leases can be renewed (`extend`) and a lease that is not renewed expires after its
   * TTL (Redis). A held lock then always ends soon after its holder stops (released, or its holder
   * died and stopped renewing), so a refresher that times out waiting keeps waiting for the lock
   * (reading the store between waits) instead of refreshing without it: with a rotating refresh
   * token, refreshing beside a live holder would use the same refresh token twice. Leave it unset
   * for a lock whose holder can stall without losing it (a frozen browser tab holds a Web Lock),
   * where giving up after `waitMs` is what keeps the others working.
   */
  readonly renewable?: boolean;
  /** Resolves with a lease once held, or `undefined` if `waitMs` passed first. */
  acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined>;
}
