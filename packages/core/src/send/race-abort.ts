import { cancellationOf, raceCancellation } from './cancellation.js';

/**
 * Settles as `promise` does, or rejects with the signal's reason the moment it aborts, whichever
 * comes first. For work that does not watch the signal itself (an injected sleep, a slow
 * credential, a token refresh shared with other callers): cancelling must take effect at once,
 * not when that work happens to end. The abandoned promise keeps a handler, so its later failure
 * is not unhandled.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return raceCancellation(promise, signal === undefined ? undefined : cancellationOf(signal));
}
