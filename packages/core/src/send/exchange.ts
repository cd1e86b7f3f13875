import type { Clock } from '../clock/clock.js';
import type { AuthContext } from '../credential/auth-context.js';
import type { Credential, ResponseVerdict } from '../credential/credential.js';
import type { SignableRequest } from '../credential/signable-request.js';
import { SigningHeaders } from '../credential/signing-headers.js';
import { SignetRequestError, type SignetRequestErrorCode } from '../errors/request-error.js';
import type { SignetEvent } from '../events/signet-event.js';
import type { OriginPolicy } from '../policy/origin-policy.js';
import { redactRequest, redactUrl } from '../secret/redact-request.js';
import { type Cancellation, raceCancellation } from './cancellation.js';
import { CONTENT_HEADERS, followRedirect } from './follow-redirect.js';
import type { RetryPolicy } from './retry-policy.js';
import { type RetryRun, sendWithRetries } from './send-with-retries.js';
import { isTransportBody, type OutgoingBody, type OutgoingRequest, type Transport, type TransportResponse } from './transport.js';

/** What every exchange of one send loop shares: the credential and the loop's checked options. */
export interface LoopParts {
  readonly credential: Credential;
  readonly policy: OriginPolicy;
  readonly retry: RetryPolicy | undefined;
  readonly clock: Clock;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
  /** Lowercase names stripped from a request that leaves the credential's origins. */
  readonly sensitiveHeaders: readonly string[];
  emit(event: SignetEvent): void;
  contextFor(attempt: number, cancel: Cancellation | undefined): AuthContext;
  /** Learns the server's clock from a trusted response's `Date`. */
  observeDate(response: TransportResponse<unknown>): void;
}

const NOT_REPLAYABLE = {
  auth: 'the credential asked for a re-send, but the body was a stream that has already been sent; pass bytes or a string, or a scheme that buffers',
  redirect: 'a redirect needs the body again, but it was a stream that has already been sent; pass bytes or a string instead',
  retry: 'the server asked for a retry (429/503 or a network failure), but the body was a stream that has already been sent; pass bytes or a string instead',
} as const;

/**
 * One request through the send loop, from the caller's request to the response handed back:
 * authorize → send → let the credential look at the response → at most one re-send for auth,
 * retries around that, redirects followed under the origin policy, bodies under the body policy.
 *
 * A class rather than closures inside `send`: a request's state is one object, its steps are
 * methods shared by every request, and it is its own {@link RetryRun}, so a request that is not
 * retried builds no closures and no option literals for the retry machinery.
 */
export class Exchange<Value, Raw> implements RetryRun<Raw> {
  // The request as it goes out on this hop (redirects rewrite them); method and headers are read by sendWithRetries.
  // The headers are the loop's own: a scheme writes into them during an attempt, and the next
  // attempt or hop starts from a copy without those writes (SigningHeaders.beforeAttempt), so
  // the headers an attempt went out with are never changed afterwards.
  method: string;
  headers: SigningHeaders;
  #url: URL;
  #body: OutgoingBody<Value>;
  #bodySent = false;
  // At most one re-send for auth per request, whatever the number of redirect hops.
  #resent = false;
  // A chain is trusted only while every hop so far was on the credential's origins: one that
  // starts elsewhere, or leaves them, is never authorized again; otherwise another origin could
  // point an authorized request (with 307, even a POST) anywhere on ours.
  #trusted: boolean;
  // Whether this.headers have gone out (or been given to a scheme): the next send starts from a copy.
  #spent = false;
  // The request of the hop in progress, before authorization, and whether it is authorized.
  #unsigned!: SignableRequest;
  #authorizeHop = false;

  constructor(
    private readonly parts: LoopParts,
    initial: OutgoingRequest<Value>,
    private readonly transport: Transport<Value, Raw>,
    private readonly redirect: 'follow' | 'manual' | 'error',
    readonly cancel: Cancellation | undefined,
    // The caller's AbortSignal, for the transport; undefined when the adapter passed a Cancellation.
    private readonly transportSignal: AbortSignal | undefined,
  ) {
    this.method = initial.method;
    this.#url = initial.url;
    // An adapter's SigningHeaders are handed over; ones another send claimed already start from
    // before any attempt of theirs, and anything else may be the caller's: both are copied.
    const given = initial.headers;
    this.headers = given instanceof SigningHeaders && given.claim() ? given : claimed(given instanceof SigningHeaders ? given.beforeAttempt() : new SigningHeaders(given));
    this.#body = initial.body;
    this.#trusted = parts.policy.allows(initial.url);
  }

  // RetryRun: what sendWithRetries reads.
  get policy(): RetryPolicy | undefined {
    return this.parts.retry;
  }
  now(): number {
    return this.parts.clock.now();
  }
  emit(event: SignetEvent): void {
    this.parts.emit(event);
  }
  assertCanResend(): void {
    this.#assertBodyCanBeSent(this.#unsigned, 'retry');
  }
  /** One attempt at the hop in progress (authorized when the hop is on the credential's origins); retries call it again. */
  attempt(): Promise<TransportResponse<Raw>> {
    if (this.#authorizeHop) return this.#sendAuthorized();
    this.#startAfresh();
    return this.#sendOnce(this.#unsigned);
  }

  async run(): Promise<Raw> {
    const { credential, policy, maxRedirects } = this.parts;
    // The body policy: buffer (bounded) only when the scheme must read it.
    const initialBody = this.#body;
    if (credential.requiresBody && isTransportBody(initialBody)) {
      this.#throwIfCancelled();
      const buffered = await raceCancellation(initialBody.read(this.parts.maxBodyBytes), this.cancel);
      if (buffered.contentType !== undefined && !this.headers.has('content-type')) this.headers.set('content-type', buffered.contentType);
      this.#body = buffered.bytes;
    }

    for (let hop = 0; ; hop++) {
      this.#throwIfCancelled();
      const { method, headers } = this;
      const url = this.#url;
      const body = this.#body;
      // The first hop's URL is the one #trusted was just computed from: no second look.
      this.#authorizeHop = this.#trusted && (hop === 0 || policy.allows(url));
      this.#unsigned = { method, url, headers, body: body instanceof Uint8Array ? body : undefined };
      this.#assertBodyCanBeSent(this.#unsigned, 'redirect');
      if (!this.#authorizeHop) {
        this.emit({ type: 'credentials.withheld', scheme: credential.scheme, url: redactUrl(url), reason: hop === 0 ? 'origin_not_allowed' : 'redirected_off_origin' });
      }
      // Retries (429/503/network) wrap the whole authorize → send → one auth re-send cycle, so
      // each retry is authorized afresh, and the auth re-send stays one per request.
      const response = await sendWithRetries(this);

      if (this.redirect === 'manual') return response.raw;
      // Location is read only from a 3xx: most responses are not redirects (RFC 9110 §15.4).
      const step = response.status >= 300 && response.status < 400 ? followRedirect(response.status, response.headers.get('location'), url, method) : undefined;
      if (step === undefined) return response.raw;
      // The next hop starts from the request's own headers, without this hop's authorization.
      this.#startAfresh();
      await response.discard();
      const here = { method, url, headers: this.headers };
      if (this.redirect === 'error') fail('redirect_refused', `the server redirected (${response.status}) and the request said redirect: 'error'`, here);
      if (hop >= maxRedirects) fail('too_many_redirects', `more than ${maxRedirects} redirects (maxRedirects); a redirect loop ends here`, here);
      if (step.url.protocol !== 'https:' && step.url.protocol !== 'http:') fail('redirect_refused', `refusing a redirect to a ${step.url.protocol} URL`, here);
      if (url.protocol === 'https:' && step.url.protocol === 'http:') {
        fail('redirect_downgrade', `refusing a redirect from https to plain http (${redactUrl(step.url)})`, here);
      }

      if (step.dropBody) {
        this.#body = undefined;
        for (const name of CONTENT_HEADERS) this.headers.delete(name);
      }
      if (step.url.origin !== url.origin) {
        // Leaving this origin: strip every credential the caller or the scheme may have placed.
        for (const name of this.parts.sensitiveHeaders) this.headers.delete(name);
        // Only touch the query when it holds our parameter: any edit re-serializes all of it.
        for (const name of credential.sensitiveQueryParams) if (step.url.searchParams.has(name)) step.url.searchParams.delete(name);
        this.#trusted &&= policy.allows(step.url);
      }
      this.emit({ type: 'redirect.followed', status: response.status, from: redactUrl(url), to: redactUrl(step.url), authorized: this.#trusted && policy.allows(step.url) });
      this.method = step.method;
      this.#url = step.url;
    }
  }

  // authorize → send → onResponse → at most one re-send.
  async #sendAuthorized(): Promise<TransportResponse<Raw>> {
    const { credential, contextFor } = this.parts;
    // Attempt 2 once the request's one re-send is spent, on this hop or an earlier one: a credential
    // that would refresh before asking for a re-send (bearer) knows none would follow.
    for (let attempt = this.#resent ? 2 : 1; ; attempt++) {
      const context = contextFor(attempt, this.cancel);
      // Every attempt (a re-send, a retry) is authorized from the request's own headers.
      this.#startAfresh();
      const headers = this.headers;
      this.#spent = true;
      headers.beginAttempt();
      let signed: SignableRequest;
      try {
        const authorized = credential.authorize(this.#unsigned, context);
        // Given at once (a key, a cached token): sent without a wait. A slow credential (a token
        // fetch) must not hold up a cancelled request.
        signed = isThenable(authorized) ? await raceCancellation(Promise.resolve(authorized), this.cancel) : authorized;
      } finally {
        headers.endAttempt();
      }
      this.#throwIfCancelled();
      const response = await this.#sendOnce(signed);
      // Learn the server's time before the credential looks, so a re-send is signed with it.
      this.parts.observeDate(response);
      if (credential.onResponse === undefined) return response;
      // The credential always sees the response (it may learn a nonce or a new token from it),
      // but only the request's first 'retry' is honoured: two attempts at most, never a 401 loop.
      let verdict: ResponseVerdict;
      try {
        const judged = credential.onResponse({ status: response.status, headers: response.headers }, signed, context);
        // Most verdicts are given at once (anything but a 401): no wait for those.
        verdict = isThenable(judged) ? await judged : judged;
      } catch (error) {
        // The credential turned the response into an error (auth_rejected, session_ended): the
        // caller never sees this response, so release it rather than leave the connection busy.
        await response.discard();
        throw error;
      }
      if (verdict !== 'retry' || this.#resent) return response;
      await response.discard();
      this.#assertBodyCanBeSent(signed, 'auth');
      this.#resent = true;
      this.emit({ type: 'auth.retry', scheme: credential.scheme, status: response.status });
    }
  }

  // Headers an attempt has written to stay as they went out; the loop goes on with a copy without
  // those writes. The first attempt of a request uses the adapter's headers themselves.
  #startAfresh(): void {
    if (!this.#spent) return;
    this.#spent = false;
    this.headers = claimed(this.headers.beforeAttempt());
    this.#unsigned = { method: this.#unsigned.method, url: this.#unsigned.url, headers: this.headers, body: this.#unsigned.body };
  }

  #sendOnce(request: SignableRequest): Promise<TransportResponse<Raw>> {
    if (request.headers === this.headers) this.#spent = true;
    const body = this.#body;
    this.#bodySent = body !== undefined;
    return this.transport({ method: request.method, url: request.url, headers: request.headers, body }, this.transportSignal);
  }

  // The body policy for re-sends: a one-shot stream goes out once; a second send is refused
  // before anything (even a new authorization) happens, so it is never re-sent empty.
  #assertBodyCanBeSent(request: SignableRequest, why: keyof typeof NOT_REPLAYABLE): void {
    const body = this.#body;
    if (!this.#bodySent || !isTransportBody(body) || body.replayable) return;
    fail('body_not_replayable', NOT_REPLAYABLE[why], request);
  }

  #throwIfCancelled(): void {
    if (this.cancel?.aborted) throw this.cancel.reason;
  }
}

// A copy the loop made for itself: nobody else can claim it.
function claimed(headers: SigningHeaders): SigningHeaders {
  headers.claim();
  return headers;
}

// Any promise-like, not only this realm's Promise: a credential may return another library's.
function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function fail(code: SignetRequestErrorCode, message: string, request: { method: string; url: URL; headers: Headers }, cause?: unknown): never {
  throw new SignetRequestError(code, message, redactRequest(request), cause);
}
