import { SignetError } from '../errors/signet-error.js';

/** How the refresher treats a token source's failure. */
export interface FailureClass {
  /** `session_ended` ends the session; `permanent` fails the caller but keeps the session; `transient` is retried. */
  readonly kind: 'session_ended' | 'permanent' | 'transient';
  /** For events: the OAuth error code or the kind of failure; never token material. */
  readonly reason: string;
  /** The server's Retry-After, when it gave one. */
  readonly retryAfterMs: number | undefined;
}

/**
 * Sorts a failure. A token source says what it knows with a `SignetError` code (`session_ended`,
 * `token_request_failed`); everything else (a network error, a 5xx, a 429, an error thrown by a
 * user's token function) is transient: retried, bounded, and never a reason to end the session.
 * One exception, p-retry's: a `TypeError` that is not a network error (a bug) is not retried.
 */
export function classifyFailure(error: unknown): FailureClass {
  const retryAfterMs = readRetryAfter(error);
  const reason = readReason(error);
  if (error instanceof SignetError && error.code === 'session_ended') return { kind: 'session_ended', reason, retryAfterMs };
  if (error instanceof SignetError && error.code === 'token_request_failed') return { kind: 'permanent', reason, retryAfterMs };
  return { kind: 'transient', reason, retryAfterMs };
}

function readRetryAfter(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function readReason(error: unknown): string {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string' && /^[\w.-]{1,64}$/.test(reason)) return reason;
  if (error instanceof TypeError) return 'network';
  return error instanceof SignetError ? error.code : 'error';
}
