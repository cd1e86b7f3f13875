import { SignetCredentialError } from '../../errors/credential-error.js';

/** Where {@link OAuth1TokenError} happened in the three-legged flow (RFC 5849 §2). */
export type OAuth1TokenStep = 'request_token' | 'access_token';

/**
 * A step of the three-legged flow failed: the endpoint could not be reached, answered an error
 * status, or answered without the credentials RFC 5849 §2 requires. Code `credential_unavailable`
 * (it is a {@link SignetCredentialError}, scheme `oauth1`). No message or field holds a secret or
 * the response body; `problem` is the `oauth_problem` the server sent, if any (the OAuth Problem
 * Reporting extension), reduced to a plain token.
 */
export class OAuth1TokenError extends SignetCredentialError {
  /** Which step failed. */
  readonly step: OAuth1TokenStep;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The server's `oauth_problem` (e.g. `signature_invalid`), when it sent one. */
  readonly problem: string | undefined;

  constructor(step: OAuth1TokenStep, message: string, details: { status?: number; problem?: string; cause?: unknown } = {}) {
    super('oauth1', `${step}: ${message}`, details.cause);
    this.step = step;
    this.status = details.status;
    this.problem = details.problem;
  }
}
