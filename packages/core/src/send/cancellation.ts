/**
 * How the send loop watches a request for cancellation. A caller's `AbortSignal` is the usual
 * source ({@link cancellationOf}); an adapter whose caller cancels through a controller rather
 * than a signal (undici's dispatch) implements it directly, because creating an `AbortSignal`
 * costs Node 20 about 3.5 µs, as much as the rest of the loop's work for a request, and almost
 * no request is ever cancelled. The loop asks for `signal` only when something needs a real one:
 * a credential that reads `context.signal`, or a retry's wait.
 */
export interface Cancellation {
  readonly aborted: boolean;
  /** Why it was cancelled; meaningful once `aborted`. */
  readonly reason: unknown;
  /** Calls `listener` once, when cancelled. Returns a function that unsubscribes it. */
  onAbort(listener: () => void): () => void;
  /** An `AbortSignal` that follows this cancellation (an adapter may create it on first read). */
  readonly signal: AbortSignal;
}

/** The {@link Cancellation} of an `AbortSignal`: the signal itself, seen through the interface. */
export function cancellationOf(signal: AbortSignal): Cancellation {
  return {
    get aborted() {
      return signal.aborted;
    },
    get reason() {
      return signal.reason as unknown;
    },
    onAbort(listener) {
      signal.addEventListener('abort', listener, { once: true });
      return () => signal.removeEventListener('abort', listener);
    },
    signal,
  };
}

/** True for a {@link Cancellation}, false for an `AbortSignal` (which has no `onAbort`). */
export function isCancellation(value: AbortSignal | Cancellation): value is Cancellation {
  return typeof (value as Partial<Cancellation>).onAbort === 'function';
}

/**
 * Settles as `promise` does, or rejects with the cancellation's reason the moment it is
 * cancelled, whichever comes first: for work that does not watch for cancellation itself (an
 * injected sleep, a slow credential, a body being buffered). The abandoned promise keeps a
 * handler, so its later failure is not unhandled.
 */
export function raceCancellation<T>(promise: Promise<T>, cancel: Cancellation | undefined): Promise<T> {
  if (cancel === undefined) return promise;
  if (cancel.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(cancel.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = cancel.onAbort(() => reject(cancel.reason));
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}
