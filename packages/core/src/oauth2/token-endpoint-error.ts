import { SignetCredentialError, type SignetCredentialErrorCode } from '../errors/credential-error.js';

/**
 * A token request failed. `reason` is the OAuth error code of RFC 6749 §5.2 (`invalid_grant`) or
 * the kind of failure (`network`, `http_503`, `malformed_response`); `code` says what it means
 * for the session: `session_ended` (invalid_grant, invalid_client), `token_request_failed`
 * (permanent) or `token_refresh_failed` (transient, retried by the refresher, honouring
 * `retryAfterMs`). The server's `error_description` is kept in `description`; no token, secret or
 * request body is.
 */
export class TokenEndpointError extends SignetCredentialError {
  /** The OAuth error code or the kind of failure. */
  readonly reason: string;
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** The server's `error_description`, if any (shortened, control characters removed). */
  readonly description: string | undefined;
  /** The server's Retry-After, in milliseconds, for a 429 or 503. */
  readonly retryAfterMs: number | undefined;

  constructor(
    grant: string,
    code: SignetCredentialErrorCode,
    reason: string,
    details: { status?: number | undefined; description?: string | undefined; retryAfterMs?: number | undefined; cause?: unknown } = {},
  ) {
    const description = details.description?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
    const status = details.status === undefined ? '' : ` (HTTP ${details.status})`;
    super(grant, `the token endpoint answered ${reason}${status}${description ? `: ${description}` : ''}`, details.cause, code);
    this.reason = reason;
    this.status = details.status;
    this.description = description;
    this.retryAfterMs = details.retryAfterMs;
  }
}
