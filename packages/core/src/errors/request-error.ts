import type { RedactedRequest } from '../secret/redact-request.js';
import { SignetError, type SignetErrorCode } from './signet-error.js';

/** Codes of errors about a request that could not be signed, sent or re-sent safely. */
export type SignetRequestErrorCode = Extract<
  SignetErrorCode,
  | 'redirect_downgrade'
  | 'redirect_refused'
  | 'redirect_not_followable'
  | 'too_many_redirects'
  | 'body_not_replayable'
  | 'body_too_large'
  | 'missing_signed_header'
>;

/**
 * A request could not be signed, sent or re-sent without breaking a policy. Nothing was sent
 * (or re-sent) for the step that failed. `request` is a redacted view of the request.
 */
export class SignetRequestError extends SignetError {
  override readonly name = 'SignetRequestError';
  declare readonly code: SignetRequestErrorCode;
  declare readonly request: RedactedRequest;

  constructor(code: SignetRequestErrorCode, message: string, request: RedactedRequest, cause?: unknown) {
    super(code, message, { request, cause });
  }
}
