import { SignetError } from './signet-error.js';

/**
 * An option was missing or malformed when a credential, adapter or verifier was created.
 * Thrown eagerly by factories, so bad configuration fails at start-up, not on the first request.
 * `field` names the option (`"key"`, `"origins[1]"`); the message never repeats a secret value.
 */
export class SignetConfigError extends SignetError {
  override readonly name = 'SignetConfigError';
  /** The option at fault, as a path into the options object. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid_option', `${field}: ${message}`);
    this.field = field;
  }
}
