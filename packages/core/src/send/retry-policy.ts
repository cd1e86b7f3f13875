import { SignetConfigError } from '../errors/config-error.js';
import { checkOptionalFunction, checkOptionsObject, checkPositiveInteger } from '../options/check.js';
import { type Sleep, sleep as realSleep } from './sleep.js';

/**
 * Options for retrying a request the server could not serve yet (`SendLoopOptions.retry`).
 * Retries are only made where they are safe: idempotent methods (RFC 9110 §9.2.2) or a request
 * with an `Idempotency-Key` header.
 */
export interface RetryOptions {
  /** Retries after the first send, at most 10 (default 2; 0 never retries). */
  retries?: number;
  /**
   * The longest wait before a retry, in milliseconds (default 10 000). A `Retry-After` asking for
   * longer is not waited for: the response goes back to the caller as it is. Backoff is capped here.
   */
  maxDelayMs?: number;
  /** The statuses that are retried (default `[429, 503]`); each an integer from 400 to 599. */
  statuses?: readonly number[];
  /** Also retry a request that failed on the network (no response at all) (default `true`). */
  networkErrors?: boolean;
  /**
   * How to wait (default: a timer). Tests pass one that records the delay and resolves at once.
   * The loop stops waiting as soon as the request's signal aborts, whatever this function does.
   */
  sleep?: Sleep;
}

/** {@link RetryOptions} with every default applied, checked once at construction. */
export interface RetryPolicy {
  readonly retries: number;
  readonly maxDelayMs: number;
  readonly statuses: ReadonlySet<number>;
  readonly networkErrors: boolean;
  readonly sleep: Sleep;
}

const DEFAULT_RETRIES = 2;
const MAX_RETRIES = 10;
const DEFAULT_MAX_DELAY_MS = 10_000;
// RFC 6585 §4 (429 Too Many Requests) and RFC 9110 §15.6.4 (503): the two that invite a retry.
const DEFAULT_STATUSES = [429, 503];

/**
 * Applies defaults to `SendLoopOptions.retry` and checks it, throwing {@link SignetConfigError}
 * naming the field. `false` (or `retries: 0`) turns retries off and returns `undefined`.
 */
export function createRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (options === false) return undefined;
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new SignetConfigError('retry', 'must be false or an options object');
  }
  const given = checkOptionsObject(options ?? {}, 'retry') as RetryOptions;
  const retries = given.retries === undefined ? DEFAULT_RETRIES : checkPositiveInteger(given.retries, 'retry.retries', { allowZero: true });
  // Bounded on purpose: retries against a struggling server make it struggle more.
  if (retries > MAX_RETRIES) throw new SignetConfigError('retry.retries', `must be at most ${MAX_RETRIES}`);
  const maxDelayMs = given.maxDelayMs === undefined ? DEFAULT_MAX_DELAY_MS : checkPositiveInteger(given.maxDelayMs, 'retry.maxDelayMs', { allowZero: true });
  if (given.networkErrors !== undefined && typeof given.networkErrors !== 'boolean') throw new SignetConfigError('retry.networkErrors', 'must be a boolean');
  const sleep = checkOptionalFunction(given.sleep, 'retry.sleep') ?? realSleep;
  if (retries === 0) return undefined;
  return { retries, maxDelayMs, statuses: checkStatuses(given.statuses), networkErrors: given.networkErrors ?? true, sleep };
}

function checkStatuses(statuses: unknown): ReadonlySet<number> {
  if (statuses === undefined) return new Set(DEFAULT_STATUSES);
  if (!Array.isArray(statuses)) throw new SignetConfigError('retry.statuses', 'must be an array of status codes');
  statuses.forEach((status: unknown, i) => {
    // Only errors: retrying a success or a redirect would repeat work the server already did.
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new SignetConfigError(`retry.statuses[${i}]`, 'must be an integer status from 400 to 599');
    }
  });
  return new Set(statuses as number[]);
}
