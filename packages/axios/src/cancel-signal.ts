import type { InternalAxiosRequestConfig } from 'axios';

/** The caller's cancellation as one `AbortSignal` for the send loop, and how to let go of it. */
export interface CancelSignal {
  readonly signal: AbortSignal | undefined;
  release(): void;
}

const NONE: CancelSignal = { signal: undefined, release: () => undefined };

/**
 * Joins `config.signal` and a `CancelToken` into the signal the send loop checks between hops and
 * before each send. The inner adapter still gets both as they are, for the request in flight.
 * A signal-like object that is not a real `AbortSignal` (axios accepts those) is left to the inner
 * adapter alone.
 */
export function cancelSignal(config: InternalAxiosRequestConfig): CancelSignal {
  const own = config.signal instanceof AbortSignal ? config.signal : undefined;
  const token = config.cancelToken;
  if (token === undefined || typeof token.toAbortSignal !== 'function') return own === undefined ? NONE : { signal: own, release: NONE.release };
  const tokenSignal = token.toAbortSignal() as AbortSignal & { unsubscribe?: () => void };
  const release = (): void => tokenSignal.unsubscribe?.();
  if (own === undefined) return { signal: tokenSignal, release };
  return { signal: AbortSignal.any([own, tokenSignal]), release };
}
