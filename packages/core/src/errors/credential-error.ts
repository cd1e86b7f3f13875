import { SignetError } from './signet-error.js';

/**
 * A credential could not be produced: a token source threw, a key could not be imported.
 * The `cause` holds the underlying error with no secret in it.
 */
export class SignetCredentialError extends SignetError {
  override readonly name = 'SignetCredentialError';
  /** The scheme whose credential failed (`"api-key"`, `"basic"`, …). */
  readonly scheme: string;

  constructor(scheme: string, message: string, cause?: unknown) {
    super('credential_unavailable', `${scheme}: ${message}`, { cause });
    this.scheme = scheme;
  }
}
