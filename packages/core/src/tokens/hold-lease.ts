import { type Sleep, sleep as realSleep } from '../send/sleep.js';
import type { LockLease } from './refresh-lock.js';

/** What {@link holdLease} reports when the lease could not be renewed. */
export type LeaseLost = { readonly expired: true } | { readonly error: unknown };

/**
 * Holds `lease` for as long as the work that needs it runs: when the lease can be renewed
 * (`extend`), renews it every third of `ttlMs`, so a token request slower than the TTL (timeouts,
 * retries) keeps the lock, while a holder that dies stops renewing and its lock expires within
 * `ttlMs`. Returns the function that stops renewing and releases the lease. A renewal that finds
 * the lease gone, or fails, is reported once through `onLost` and renewing stops; nothing is
 * reported after the release began.
 *
 * Renewals wait on a real timer, not on the refresher's injectable `sleep`: the lock's TTL runs
 * in real time (in Redis), and a `sleep` injected to skip retry waits in tests would turn
 * renewing into a loop that never yields to timers or I/O. Tests drive `wait` with fake timers.
 */
export function holdLease(lease: LockLease, ttlMs: number, onLost: (lost: LeaseLost) => void, wait: Sleep = realSleep): () => Promise<void> {
  const { extend } = lease;
  if (extend === undefined) return () => lease.release();
  const stop = new AbortController();
  const every = Math.max(1, Math.floor(ttlMs / 3));
  void (async () => {
    for (;;) {
      await wait(every, stop.signal);
      if (stop.signal.aborted) return;
      const kept = await extend.call(lease, ttlMs);
      if (stop.signal.aborted) return;
      if (!kept) {
        onLost({ expired: true });
        return;
      }
    }
  })().catch((error: unknown) => {
    if (!stop.signal.aborted) onLost({ error });
  });
  return () => {
    stop.abort();
    return lease.release();
  };
}
