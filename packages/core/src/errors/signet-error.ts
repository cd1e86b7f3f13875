import type { RedactedRequest } from '../secret/redact-request.js';

/**
 * Every stable error code Signet throws. Switch on `error.code`; messages may change, codes do not.
 *
 * - `invalid_option`: an option was missing or malformed when something was created.
 * - `credential_unavailable`: a credential could not be produced (for example a token source failed).
 * - `redirect_downgrade`: a redirect from https to http was refused.
 * - `redirect_refused`: a redirect was not followed: the caller asked for `redirect: 'error'`, or it pointed to a non-http(s) URL.
 * - `redirect_not_followable`: the runtime hides redirect targets (browsers), so Signet cannot apply its origin policy.
 * - `too_many_redirects`: the redirect limit was reached (also how loops end).
 * - `body_not_replayable`: a re-send was needed but the body was a stream that was already sent.
 * - `body_too_large`: a body that had to be buffered was larger than the configured bound.
 * - `missing_signed_header`: a header the credential is configured to sign is absent from the request.
 * - `token_request_failed`: a token endpoint answered with an OAuth error that ends nothing (RFC 6749 §5.2), or with something that is not a token response.
 * - `token_refresh_failed`: getting a token failed for a transient reason (network, 5xx, 429) after the bounded retries; the session goes on.
 * - `session_ended`: the authorization server refused the grant (`invalid_grant`, `invalid_client`); nothing more can be sent until the user signs in again.
 * - `auth_rejected`: the resource refused the request again after the one re-send with a fresh credential: an authorization problem, not an expired token.
 * - `certificate_invalid`: a client certificate or its key could not be read, or they do not match.
 * - `certificate_expired`: a client certificate is past its notAfter (or before its notBefore).
 * - `unsupported_runtime`: the runtime cannot do what the credential needs (client certificates in a browser).
 */
export type SignetErrorCode =
  | 'invalid_option'
  | 'credential_unavailable'
  | 'redirect_downgrade'
  | 'redirect_refused'
  | 'redirect_not_followable'
  | 'too_many_redirects'
  | 'body_not_replayable'
  | 'body_too_large'
  | 'missing_signed_header'
  | 'token_request_failed'
  | 'token_refresh_failed'
  | 'session_ended'
  | 'auth_rejected'
  | 'certificate_invalid'
  | 'certificate_expired'
  | 'unsupported_runtime';

/** Options shared by every Signet error. */
export interface SignetErrorOptions {
  /** The underlying error, if any. It must not carry secrets; Signet only passes its own or transport errors. */
  cause?: unknown;
  /** A redacted view of the request the error is about. */
  request?: RedactedRequest;
}

/**
 * The base class of every error Signet throws on purpose. It has a stable `code` for `switch`
 * statements and, when a request was involved, a redacted view of it. No message, field or
 * `cause` ever holds a secret.
 *
 * @example
 * ```ts
 * try { await api('https://api.example.com/upload', { method: 'POST', body: stream }); }
 * catch (error) {
 *   if (error instanceof SignetError && error.code === 'body_not_replayable') { … }
 * }
 * ```
 */
export class SignetError extends Error {
  override readonly name: string = 'SignetError';
  /** Stable, machine-readable error code. */
  readonly code: SignetErrorCode;
  /** A redacted view of the request the error is about, when there was one. */
  readonly request: RedactedRequest | undefined;

  constructor(code: SignetErrorCode, message: string, options: SignetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.request = options.request;
  }
}
