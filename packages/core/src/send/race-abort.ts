/**
 * Settles as `promise` does, or rejects with the signal's reason the moment it aborts, whichever
 * comes first. For work that does not watch the signal itself (an injected sleep, a slow
 * credential, a body being buffered): cancelling must take effect at once, not when that work
 * happens to end. The abandoned promise keeps a handler, so its later failure is not unhandled.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
