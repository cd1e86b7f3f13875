import { SignetConfigError } from '../errors/config-error.js';
import { Secret } from '../secret/secret.js';

// Validation helpers for factories. Each throws SignetConfigError naming the field and, for
// secret fields, never repeating the value.

/**
 * A string or {@link Secret} without control characters (they would split a header); non-empty
 * unless `allowEmpty` (RFC 7617 allows an empty Basic password).
 */
export function checkSecretText(value: unknown, field: string, { allowEmpty = false } = {}): Secret {
  const text = value instanceof Secret ? value.reveal() : value;
  if (typeof text !== 'string') throw new SignetConfigError(field, 'must be a string or a Secret');
  if (!(allowEmpty && text === '')) checkNoControlCharacters(text, field, true);
  return value instanceof Secret ? value : new Secret(text);
}

// RFC 9110 §5.5: a field value is visible ASCII and spaces, with no space at either end
// (Headers would trim it silently). Non-ASCII would make Headers throw on the first request.
const HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** A secret that will be sent in a header: {@link checkSecretText}, and visible ASCII without edge spaces. */
export function checkHeaderSecret(value: unknown, field: string): Secret {
  const checked = checkSecretText(value, field);
  if (!HEADER_VALUE.test(checked.reveal())) {
    throw new SignetConfigError(field, 'must be visible ASCII with no leading or trailing space, to be sent in a header');
  }
  return checked;
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
