// RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds, delay-seconds = 1*DIGIT.
const DELAY_SECONDS = /^\d+$/;
// RFC 9110 §5.6.7: every HTTP-date form (IMF-fixdate, obsolete RFC 850 and asctime) starts with a
// day name. Checking it first keeps Date.parse, which accepts almost anything, from reading "1.5"
// or "soon" as a date.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * How long a `Retry-After` value asks the client to wait, in milliseconds, measured from `nowMs`
 * (the server's time: the response's own `Date` when it has one). A date in the past is `0`.
 * Returns `undefined` for no value or one that is neither form, so the caller falls back to
 * its own backoff.
 *
 * @example
 * ```ts
 * parseRetryAfter('120', now); // 120_000
 * parseRetryAfter('Fri, 31 Dec 1999 23:59:59 GMT', Date.parse('Fri, 31 Dec 1999 23:59:00 GMT')); // 59_000
 * ```
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) {
    const ms = Number(text) * 1000;
    // An absurd number of digits is still "later than any cap", not a parse failure.
    return Number.isSafeInteger(ms) ? ms : Number.MAX_SAFE_INTEGER;
  }
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at) || !Number.isFinite(nowMs)) return undefined;
  return Math.max(0, at - nowMs);
}
