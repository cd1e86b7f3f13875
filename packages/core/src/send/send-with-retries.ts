import pRetry, { AbortError } from 'p-retry';
import type { SignetEvent } from '../events/signet-event.js';
import { type Cancellation, raceCancellation } from './cancellation.js';
import { parseRetryAfter } from './parse-retry-after.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TransportResponse } from './transport.js';

/** What {@link sendWithRetries} needs: the send itself, and what decides and reports a retry. */
export interface RetryRun<Raw> {
  /** `undefined` when retries are off. */
  readonly policy: RetryPolicy | undefined;
  /** The request as it goes out on this hop (after any redirect rewrote it). */
  readonly method: string;
  readonly headers: Headers;
  readonly cancel: Cancellation | undefined;
  /** Sends once (authorized afresh each time). */
  attempt(): Promise<TransportResponse<Raw>>;
  /** The server-corrected time, for a `Retry-After` date when the response has no `Date`. */
  now(): number;
  emit(event: SignetEvent): void;
  /** Throws when the request cannot be sent again (the body policy); called before any wait. */
  assertCanResend(): void;
}

// RFC 9110 §9.2.2: methods whose effect is the same however many times they are sent.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
// Failures before any response, as Node (node:http, undici) and axios report them in `code`.
// Fetch reports them as a TypeError, which p-retry's own network-error check recognizes.
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_NETWORK']);
const BASE_DELAY_MS = 500;

/**
 * True when sending the request twice is safe: an idempotent method (RFC 9110 §9.2.2), or an
 * `Idempotency-Key` header, with which the server promises to apply a repeated request once.
 */
export function isRetrySafe(method: string, headers: Headers): boolean {
  return IDEMPOTENT.has(method) || headers.has('idempotency-key');
}

// A retryable response travels through p-retry as a rejection, and is unwrapped at the end.
class RetryableResponse<Raw> extends Error {
  constructor(readonly response: TransportResponse<Raw>) {
    super(`status ${response.status}`);
  }
}
// p-retry turns a thrown non-Error into a TypeError; this carries the original past it, untouched.
class Thrown extends Error {
  constructor(readonly value: unknown) {
    super('non-error thrown');
  }
}

/**
 * Sends, and sends again after a 429, a 503 (the policy's statuses) or a network failure, when
 * the request is safe to repeat: at most `retries` times, waiting `Retry-After` (RFC 9110
 * §10.2.3) when the server gives one and it is within `maxDelayMs` (beyond it the response is
 * returned, not waited for), otherwise exponential backoff with jitter. `attempt` authorizes afresh
 * each time. An abort ends the wait at once.
 *
 * p-retry counts the attempts and tells a network failure from a bug (its TypeError check knows
 * each runtime's fetch messages). It cannot wait for a delay read from a response, nor on an
 * injected timer, so its own timer is off (`minTimeout: 0`) and the wait happens in
 * `shouldRetry`, its last hook before the next attempt; the statuses become rejections so that it
 * sees them at all.
 */
export function sendWithRetries<Raw>(run: RetryRun<Raw>): Promise<TransportResponse<Raw>> {
  const { policy } = run;
  if (policy === undefined || !isRetrySafe(run.method, run.headers)) return run.attempt();
  // The first send happens outside p-retry, and outside any async frame of ours: almost every
  // response is final, and should not pay for the retry machinery (about 30 µs a request). Only a
  // retryable outcome enters the loop, as its first attempt, so attempts are counted exactly as before.
  let sent: Promise<TransportResponse<Raw>>;
  try {
    sent = run.attempt();
  } catch (error) {
    // A transport that throws instead of rejecting: the same failure, the same retry decision.
    sent = Promise.reject(error);
  }
  return sent.then(
    (response) => (policy.statuses.has(response.status) ? retryFrom(Promise.resolve(response), run, policy) : response),
    (error: unknown) => {
      const first = Promise.reject(error);
      first.catch(() => undefined);
      return retryFrom(first, run, policy);
    },
  );
}

// The retry loop, entered with the first attempt's retryable outcome.
async function retryFrom<Raw>(first: Promise<TransportResponse<Raw>>, run: RetryRun<Raw>, policy: RetryPolicy): Promise<TransportResponse<Raw>> {
  const { cancel } = run;
  let attempt = (): Promise<TransportResponse<Raw>> => first;
  try {
    return await pRetry(
      async () => {
        let response: TransportResponse<Raw>;
        const current = attempt;
        attempt = () => run.attempt();
        try {
          response = await current();
        } catch (error) {
          throw error instanceof Error ? error : new AbortError(new Thrown(error));
        }
        if (policy.statuses.has(response.status)) throw new RetryableResponse(response);
        return response;
      },
      {
        retries: policy.retries,
        minTimeout: 0,
        async shouldRetry({ error, attemptNumber }) {
          if (cancel?.aborted) return false;
          const response = error instanceof RetryableResponse ? (error.response as TransportResponse<Raw>) : undefined;
          if (response === undefined && !(policy.networkErrors && isNetworkFailure(error))) return false;
          const delayMs = response === undefined ? backoff(attemptNumber, policy) : delayFor(response, attemptNumber, policy, run);
          // Beyond the cap: hand the response back rather than hold the caller for minutes.
          if (delayMs === undefined) return false;
          await response?.discard();
          // The body policy: a one-shot stream is never sent again, so never sent empty.
          run.assertCanResend();
          run.emit({ type: 'request.retry', status: response?.status, attempt: attemptNumber + 1, delayMs });
          // Raced with the signal, so an abort ends the wait at once even if an injected sleep ignores it.
          await raceCancellation(policy.sleep(delayMs, cancel?.signal), cancel);
          return true;
        },
      },
    );
  } catch (error) {
    if (error instanceof RetryableResponse) return error.response as TransportResponse<Raw>;
    throw error instanceof Thrown ? error.value : error;
  }
}

// Retry-After when given (from the response's own Date, so client clock error does not matter),
// else backoff; undefined when the server asks for longer than the cap.
function delayFor(response: TransportResponse<unknown>, attempt: number, policy: RetryPolicy, clock: { now(): number }): number | undefined {
  const date = Date.parse(response.headers.get('date') ?? '');
  const asked = parseRetryAfter(response.headers.get('retry-after'), Number.isFinite(date) ? date : clock.now());
  if (asked === undefined) return backoff(attempt, policy);
  return asked <= policy.maxDelayMs ? asked : undefined;
}

// Exponential backoff with "equal jitter": half fixed, half random, so retries from many clients
// spread out while each still waits at least half the step. 500 ms, 1 s, 2 s, … capped.
function backoff(attempt: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

function isNetworkFailure(error: Error): boolean {
  // p-retry only lets a TypeError this far when it is a network error.
  if (error.name === 'TypeError') return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
