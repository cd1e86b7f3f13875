import { type Clock, createClock } from '../clock/clock.js';
import type { AuthContext } from '../credential/auth-context.js';
import type { Credential } from '../credential/credential.js';
import { createAuthContext } from '../credential/create-auth-context.js';
import type { SignetCrypto } from '../crypto/signet-crypto.js';
import type { EventListener } from '../events/signet-event.js';
import { checkOptionsObject, checkPositiveInteger } from '../options/check.js';
import { createOriginPolicy, type OriginPolicyOptions } from '../policy/origin-policy.js';
import { AttemptContext } from './attempt-context.js';
import { type Cancellation, cancellationOf, isCancellation } from './cancellation.js';
import { Exchange, type LoopParts } from './exchange.js';
import { createRetryPolicy, type RetryOptions } from './retry-policy.js';
import type { OutgoingRequest, Transport, TransportResponse } from './transport.js';

/** Options of the send loop, which every adapter accepts as its own options. */
export interface SendLoopOptions extends OriginPolicyOptions {
  /** The most bytes buffered for a scheme that signs bodies (default 10 MiB). */
  maxBodyBytes?: number;
  /** The most redirects followed for one request (default 20, as in fetch). */
  maxRedirects?: number;
  /** The clock, shared by every request through this adapter (default: {@link createClock}). */
  clock?: Clock;
  /** The nonce source (default: 128 random bits, base64url). */
  nonce?: () => string;
  /** The crypto implementation (default: the fastest for this runtime). */
  crypto?: SignetCrypto;
  /** Receives lifecycle events. Events never carry secrets. */
  onEvent?: EventListener;
  /**
   * Retries after 429 and 503 (honouring `Retry-After`) and after network failures, for requests
   * that are safe to repeat (default: 2 retries, waits of at most 10 s). `false` turns them off.
   */
  retry?: RetryOptions | false;
}

/** How one call should treat redirects and cancellation, as in fetch's `RequestInit`. */
export interface SendOptions {
  /** `'follow'` (default) follows under the origin policy, `'manual'` returns the 3xx, `'error'` throws. */
  redirect?: 'follow' | 'manual' | 'error';
  /**
   * The caller's `AbortSignal`, which cancels signing, waiting and sending; or a
   * {@link Cancellation}, for an adapter whose caller cancels through a controller (then the
   * transport gets no signal: the adapter cancels its own sends).
   */
  signal?: AbortSignal | Cancellation | undefined;
}

/** The send loop bound to one credential: adapters call `send` once per request. */
export interface SendLoop {
  readonly credential: Credential;
  readonly clock: Clock;
  send<Value, Raw>(request: OutgoingRequest<Value>, transport: Transport<Value, Raw>, options?: SendOptions): Promise<Raw>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 20;
// Credentials a caller may have set by hand; never carried to another origin (Fetch strips only Authorization).
const ALWAYS_SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Creates the send loop: authorize → send → let the credential look at the response → at most
 * one re-send for auth, with redirects followed under the origin policy and bodies under the
 * body policy. Options are checked here, so a bad one fails at construction.
 *
 * @example
 * ```ts
 * const loop = createSendLoop(apiKey({ key }), { origins: 'https://api.example.com' });
 * const raw = await loop.send(outgoingRequest, transport);
 * ```
 */
export function createSendLoop(credential: Credential, options: SendLoopOptions): SendLoop {
  checkOptionsObject(options, 'options');
  checkCredential(credential);
  const policy = createOriginPolicy(options);
  const maxBodyBytes = options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : checkPositiveInteger(options.maxBodyBytes, 'maxBodyBytes');
  const maxRedirects = options.maxRedirects === undefined ? DEFAULT_MAX_REDIRECTS : checkPositiveInteger(options.maxRedirects, 'maxRedirects', { allowZero: true });
  const clock = options.clock ?? createClock();
  const retry = createRetryPolicy(options.retry);
  // One context for the loop's lifetime; each attempt gets a copy with its own signal and number.
  const base = createAuthContext({ clock, nonce: options.nonce, crypto: options.crypto, onEvent: options.onEvent });
  const { emit, crypto, nonce } = base;
  const contextFor = (attempt: number, cancel: Cancellation | undefined): AuthContext => new AttemptContext(clock, crypto, nonce, emit, attempt, cancel);
  const sensitiveHeaders = [...ALWAYS_SENSITIVE, ...credential.sensitiveHeaders.map((name) => name.toLowerCase())];

  // Learns the server's clock from the Date header, but only from origins we trust with credentials.
  // The header changes once a second (RFC 9110 §5.6.7), and each value is read once: the same
  // value seen again later says only that the response is older than it looks (a cached copy),
  // nothing about the server's clock now. Reading it once also keeps the parse off most responses.
  let lastDate = '';
  function observeDate(response: TransportResponse<unknown>): void {
    const date = response.headers.get('date');
    if (date === null || date === lastDate) return;
    lastDate = date;
    if (clock.observeServerTime(Date.parse(date), 1000)) emit({ type: 'clock.adjusted', offsetMs: clock.offsetMs });
  }

  const parts: LoopParts = { credential, policy, retry, clock, maxBodyBytes, maxRedirects, sensitiveHeaders, emit, contextFor, observeDate };

  function send<Value, Raw>(initial: OutgoingRequest<Value>, transport: Transport<Value, Raw>, sendOptions?: SendOptions): Promise<Raw> {
    // `?? undefined`: a plain-JavaScript caller's `signal: null` (as RequestInit allows) means none.
    const signal = sendOptions?.signal ?? undefined;
    // The transport gets the caller's AbortSignal; an adapter that passed a Cancellation cancels its own sends.
    const transportSignal = signal === undefined || isCancellation(signal) ? undefined : signal;
    const cancel = signal === undefined ? undefined : isCancellation(signal) ? signal : cancellationOf(signal);
    try {
      return new Exchange(parts, initial, transport, sendOptions?.redirect ?? 'follow', cancel, transportSignal).run();
    } catch (error) {
      // Calls always settle through the promise, even when the request cannot be read at all.
      return Promise.reject(error);
    }
  }

  return { credential, clock, send };
}

function checkCredential(credential: Credential): void {
  if (
    typeof credential !== 'object' ||
    credential === null ||
    typeof credential.authorize !== 'function' ||
    typeof credential.scheme !== 'string' ||
    typeof credential.requiresBody !== 'boolean' ||
    !Array.isArray(credential.sensitiveHeaders) ||
    !Array.isArray(credential.sensitiveQueryParams)
  ) {
    throw new TypeError('Signet: the credential must implement the Credential contract (scheme, requiresBody, sensitiveHeaders, sensitiveQueryParams, authorize)');
  }
}
