import { SignetError, type SignetErrorCode } from './signet-error.js';

/** The codes a {@link SignetCredentialError} can carry. */
export type SignetCredentialErrorCode = Extract<
  SignetErrorCode,
  | 'credential_unavailable'
  | 'token_request_failed'
  | 'token_refresh_failed'
  | 'session_ended'
  | 'auth_rejected'
  | 'certificate_invalid'
  | 'certificate_expired'
  | 'unsupported_runtime'
>;

/**
 * A credential could not be produced: a token source threw, a key could not be imported, a
 * session ended. The `cause` holds the underlying error with no secret in it.
 */
export class SignetCredentialError extends SignetError {
  override readonly name = 'SignetCredentialError';
  declare readonly code: SignetCredentialErrorCode;
  /** The scheme whose credential failed (`"api-key"`, `"bearer"`, …). */
  readonly scheme: string;

  constructor(scheme: string, message: string, cause?: unknown, code: SignetCredentialErrorCode = 'credential_unavailable') {
    super(code, `${scheme}: ${message}`, { cause });
    this.scheme = scheme;
  }
}
