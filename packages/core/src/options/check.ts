import { SignetConfigError } from '../errors/config-error.js';
import { Secret } from '../secret/secret.js';

// Validation helpers for factories. Each throws SignetConfigError naming the field and, for
// secret fields, never repeating the value.

/** A non-empty string or {@link Secret} without control characters (they would split a header). */
export function checkSecretText(value: unknown, field: string): Secret {
  if (value instanceof Secret) {
    checkNoControlCharacters(value.reveal(), field, true);
    return value;
  }
  if (typeof value !== 'string') throw new SignetConfigError(field, 'must be a string or a Secret');
  checkNoControlCharacters(value, field, true);
  return new Secret(value);
}

/** A non-empty string without control characters. */
export function checkText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new SignetConfigError(field, 'must be a string');
  checkNoControlCharacters(value, field, false);
  return value;
}

function checkNoControlCharacters(value: string, field: string, isSecret: boolean): void {
  if (value.length === 0) throw new SignetConfigError(field, 'must not be empty');
  // C0 controls and DEL (RFC 9110 §5.5 forbids CR, LF and NUL in field values; RFC 7617 §2 all controls).
  const at = value.search(/[\u0000-\u001f\u007f]/);
  if (at >= 0) {
    const where = isSecret ? '' : ` at index ${at}`;
    throw new SignetConfigError(field, `must not contain control characters${where}`);
  }
}

// RFC 9110 §5.6.2: token = 1*tchar
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An HTTP header name or auth-scheme name (an RFC 9110 token). */
export function checkToken(value: unknown, field: string): string {
  if (typeof value !== 'string' || !TOKEN.test(value)) {
    throw new SignetConfigError(field, 'must be an HTTP token (letters, digits and !#$%&\'*+.^_`|~-)');
  }
  return value;
}

/** A positive safe integer. */
export function checkPositiveInteger(value: unknown, field: string, { allowZero = false } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new SignetConfigError(field, `must be a ${allowZero ? 'non-negative' : 'positive'} integer`);
  }
  return value;
}

/** A function, or undefined. */
export function checkOptionalFunction<T>(value: T, field: string): T {
  if (value !== undefined && typeof value !== 'function') throw new SignetConfigError(field, 'must be a function');
  return value;
}

/** The options argument itself: a plain object. */
export function checkOptionsObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SignetConfigError(field, 'must be an options object');
  }
  return value as Record<string, unknown>;
}
