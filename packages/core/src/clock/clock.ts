/**
 * Time as the server sees it. Every time-based scheme (JWT `iat`/`exp`, DPoP, HMAC and OAuth 1.0a
 * timestamps) reads `now()`, so one learned offset fixes all of them at once.
 */
export interface Clock {
  /** Milliseconds since the epoch, corrected by the learned server offset. */
  now(): number;
  /** The learned offset: server time minus local time, in milliseconds. */
  readonly offsetMs: number;
  /**
   * Tells the clock what time the server said it was (from a `Date` header or a skew challenge).
   * Returns `true` when the offset changed.
   */
  observeServerTime(serverTimeMs: number, precisionMs?: number): boolean;
}

/** Options for {@link createClock}. */
export interface ClockOptions {
  /** The local time source. Tests inject a fake one; defaults to `Date.now`. */
  now?: () => number;
  /** A starting offset in milliseconds (server minus local). Defaults to 0. */
  offsetMs?: number;
}

/**
 * Creates a clock that learns the server's time.
 *
 * `Date` headers have one-second resolution (RFC 9110 §5.6.7) and arrive after network latency,
 * so a reading only moves the offset when it disagrees with the current estimate by more than
 * its precision; otherwise every response would jitter the offset by up to a second.
 *
 * @example
 * ```ts
 * const clock = createClock();
 * clock.observeServerTime(Date.parse(response.headers.get('date')!), 1000);
 * clock.now(); // server time, as best we know it
 * ```
 */
export function createClock(options: ClockOptions = {}): Clock {
  const local = options.now ?? Date.now;
  let offsetMs = options.offsetMs ?? 0;
  return {
    now: () => local() + offsetMs,
    get offsetMs() {
      return offsetMs;
    },
    observeServerTime(serverTimeMs, precisionMs = 0) {
      if (!Number.isFinite(serverTimeMs)) return false;
      // A second-resolution reading means the true time is in [t, t + precision): use the middle.
      const observed = serverTimeMs + precisionMs / 2 - local();
      if (Math.abs(observed - offsetMs) <= precisionMs) return false;
      offsetMs = Math.round(observed);
      return true;
    },
  };
}
