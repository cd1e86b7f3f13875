import { type Clock, createClock } from '../clock/clock.js';
import type { AuthContext } from '../credential/auth-context.js';
import type { Credential, ResponseVerdict } from '../credential/credential.js';
import type { SignableRequest } from '../credential/signable-request.js';
import { createAuthContext } from '../credential/create-auth-context.js';
import type { SignetCrypto } from '../crypto/signet-crypto.js';
import { SignetRequestError, type SignetRequestErrorCode } from '../errors/request-error.js';
import type { EventListener } from '../events/signet-event.js';
import { checkOptionsObject, checkPositiveInteger } from '../options/check.js';
import { createOriginPolicy, type OriginPolicyOptions } from '../policy/origin-policy.js';
import { redactRequest, redactUrl } from '../secret/redact-request.js';
import { CONTENT_HEADERS, followRedirect } from './follow-redirect.js';
import { type Cancellation, cancellationOf, isCancellation, raceCancellation } from './cancellation.js';
import { createRetryPolicy, type RetryOptions } from './retry-policy.js';
import { sendWithRetries } from './send-with-retries.js';
import { isTransportBody, type OutgoingBody, type OutgoingRequest, type Transport, type TransportResponse } from './transport.js';

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
const NOT_REPLAYABLE = {
  auth: 'the credential asked for a re-send, but the body was a stream that has already been sent; pass bytes or a string, or a scheme that buffers',
  redirect: 'a redirect needs the body again, but it was a stream that has already been sent; pass bytes or a string instead',
  retry: 'the server asked for a retry (429/503 or a network failure), but the body was a stream that has already been sent; pass bytes or a string instead',
} as const;
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
  // `signal` is an own getter: a Cancellation makes its AbortSignal only if a credential reads it
  // (a spread of the context copies it, as it should). A literal without a spread: one that spreads
  // and then adds a field is built on V8's slow path, about 1 µs a field.
  const contextFor = (attempt: number, cancel: Cancellation | undefined): AuthContext => ({
    clock,
    crypto,
    nonce,
    emit,
    attempt,
    get signal() {
      return cancel?.signal;
    },
  });
  const sensitiveHeaders = [...ALWAYS_SENSITIVE, ...credential.sensitiveHeaders.map((name) => name.toLowerCase())];

  function fail(code: SignetRequestErrorCode, message: string, request: { method: string; url: URL; headers: Headers }, cause?: unknown): never {
    throw new SignetRequestError(code, message, redactRequest(request), cause);
  }

  // Learns the server's clock from the Date header, but only from origins we trust with credentials.
  // The header changes once a second (RFC 9110 §5.6.7), so the last one parsed is usually this one.
  let lastDate = '';
  let lastDateMs = Number.NaN;
  function observeDate(response: TransportResponse<unknown>): void {
    const date = response.headers.get('date');
    if (date === null) return;
    if (date !== lastDate) {
      lastDate = date;
      lastDateMs = Date.parse(date);
    }
    if (clock.observeServerTime(lastDateMs, 1000)) emit({ type: 'clock.adjusted', offsetMs: clock.offsetMs });
  }

  async function send<Value, Raw>(initial: OutgoingRequest<Value>, transport: Transport<Value, Raw>, sendOptions: SendOptions = {}): Promise<Raw> {
    const { signal, redirect = 'follow' } = sendOptions;
    // The transport gets the caller's AbortSignal; an adapter that passed a Cancellation cancels its own sends.
    const transportSignal = signal === undefined || isCancellation(signal) ? undefined : signal;
    const cancel = signal === undefined ? undefined : isCancellation(signal) ? signal : cancellationOf(signal);
    const throwIfCancelled = (): void => {
      if (cancel?.aborted) throw cancel.reason;
    };
    let { method, url, body, headers } = initial;
    // The body policy: buffer (bounded) only when the scheme must read it.
    if (credential.requiresBody && isTransportBody(body)) {
      throwIfCancelled();
      const buffered = await raceCancellation(body.read(maxBodyBytes), cancel);
      if (buffered.contentType !== undefined && !headers.has('content-type')) {
        // Never change the caller's headers: copy before writing (as every later change does).
        headers = new Headers(headers);
        headers.set('content-type', buffered.contentType);
      }
      body = buffered.bytes;
    }
    let bodySent = false;
    // At most one re-send for auth per request, whatever the number of redirect hops.
    let resent = false;
    // A chain is trusted only while every hop so far was on the credential's origins: one that
    // starts elsewhere, or leaves them, is never authorized again; otherwise another origin could
    // point an authorized request (with 307, even a POST) anywhere on ours.
    let trusted = policy.allows(url);

    // The body policy for re-sends: a one-shot stream goes out once; a second send is refused
    // before anything (even a new authorization) happens, so it is never re-sent empty.
    const assertBodyCanBeSent = (request: SignableRequest, why: 'redirect' | 'auth' | 'retry'): void => {
      if (!bodySent || !isTransportBody(body) || body.replayable) return;
      fail('body_not_replayable', NOT_REPLAYABLE[why], request);
    };
    const sendOnce = (request: SignableRequest): Promise<TransportResponse<Raw>> => {
      bodySent = body !== undefined;
      return transport({ method: request.method, url: request.url, headers: request.headers, body: body as OutgoingBody<Value> }, transportSignal);
    };

    // authorize → send → onResponse → at most one re-send.
    const sendAuthorized = async (unsigned: SignableRequest): Promise<TransportResponse<Raw>> => {
      for (let attempt = 1; ; attempt++) {
        const context = contextFor(attempt, cancel);
        // A slow credential (a token fetch) must not hold up a cancelled request.
        const signed = await raceCancellation(credential.authorize(unsigned, context), cancel);
        throwIfCancelled();
        const response = await sendOnce(signed);
        // Learn the server's time before the credential looks, so a re-send is signed with it.
        observeDate(response);
        if (credential.onResponse === undefined) return response;
        // The credential always sees the response (it may learn a nonce or a new token from it),
        // but only the request's first 'retry' is honoured: two attempts at most, never a 401 loop.
        let verdict: ResponseVerdict;
        try {
          verdict = await credential.onResponse({ status: response.status, headers: response.headers }, signed, context);
        } catch (error) {
          // The credential turned the response into an error (auth_rejected, session_ended): the
          // caller never sees this response, so release it rather than leave the connection busy.
          await response.discard();
          throw error;
        }
        if (verdict !== 'retry' || resent) return response;
        await response.discard();
        assertBodyCanBeSent(signed, 'auth');
        resent = true;
        emit({ type: 'auth.retry', scheme: credential.scheme, status: response.status });
      }
    };

    for (let hop = 0; ; hop++) {
      throwIfCancelled();
      const authorize = trusted && policy.allows(url);
      const unsigned: SignableRequest = { method, url, headers, body: body instanceof Uint8Array ? body : undefined };
      assertBodyCanBeSent(unsigned, 'redirect');
      if (!authorize) {
        emit({ type: 'credentials.withheld', scheme: credential.scheme, url: redactUrl(url), reason: hop === 0 ? 'origin_not_allowed' : 'redirected_off_origin' });
      }
      // Retries (429/503/network) wrap the whole authorize → send → one auth re-send cycle, so
      // each retry is authorized afresh, and the auth re-send stays one per request.
      const response = await sendWithRetries(() => (authorize ? sendAuthorized(unsigned) : sendOnce(unsigned)), {
        policy: retry,
        method,
        headers,
        cancel,
        now: clock.now,
        emit,
        assertCanResend: () => assertBodyCanBeSent(unsigned, 'retry'),
      });

      if (redirect === 'manual') return response.raw;
      // Location is read only from a 3xx: most responses are not redirects (RFC 9110 §15.4).
      const step = response.status >= 300 && response.status < 400 ? followRedirect(response.status, response.headers.get('location'), url, method) : undefined;
      if (step === undefined) return response.raw;
      await response.discard();
      const here = { method, url, headers };
      if (redirect === 'error') fail('redirect_refused', `the server redirected (${response.status}) and the request said redirect: 'error'`, here);
      if (hop >= maxRedirects) fail('too_many_redirects', `more than ${maxRedirects} redirects (maxRedirects); a redirect loop ends here`, here);
      if (step.url.protocol !== 'https:' && step.url.protocol !== 'http:') fail('redirect_refused', `refusing a redirect to a ${step.url.protocol} URL`, here);
      if (url.protocol === 'https:' && step.url.protocol === 'http:') {
        fail('redirect_downgrade', `refusing a redirect from https to plain http (${redactUrl(step.url)})`, here);
      }

      if (step.dropBody) {
        body = undefined;
        headers = new Headers(headers);
        for (const name of CONTENT_HEADERS) headers.delete(name);
      }
      if (step.url.origin !== url.origin) {
        // Leaving this origin: strip every credential the caller or the scheme may have placed.
        headers = new Headers(headers);
        for (const name of sensitiveHeaders) headers.delete(name);
        // Only touch the query when it holds our parameter: any edit re-serializes all of it.
        for (const name of credential.sensitiveQueryParams) if (step.url.searchParams.has(name)) step.url.searchParams.delete(name);
        trusted &&= policy.allows(step.url);
      }
      emit({ type: 'redirect.followed', status: response.status, from: redactUrl(url), to: redactUrl(step.url), authorized: trusted && policy.allows(step.url) });
      method = step.method;
      url = step.url;
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
