import { SignetConfigError } from '../../errors/config-error.js';
import { utf8 } from '../../encoding.js';
import { checkSecretText } from '../../options/check.js';
import type { Secret } from '../../secret/secret.js';

/**
 * A shared secret for `hmac-sha256`: a string or {@link Secret} (its UTF-8 bytes are the key), or
 * raw bytes (such as a base64-decoded secret, as in RFC 9421 Appendix B.1.5).
 */
export type HmacKey = string | Secret | Uint8Array;

/** The shortest HMAC-SHA256 key accepted: the hash output length (RFC 2104 §3). */
export const MIN_HMAC_KEY_BYTES = 32;

/**
 * Checks an HMAC key option and returns a private copy of its bytes. Errors name the field and
 * never the key, nor its length.
 *
 * @example
 * ```ts
 * const bytes = checkHmacKey(process.env.SIGNING_SECRET, 'key');
 * ```
 */
export function checkHmacKey(value: unknown, field: string): Uint8Array {
  const bytes = value instanceof Uint8Array ? value.slice() : utf8(checkSecretText(value, field).reveal());
  if (bytes.length < MIN_HMAC_KEY_BYTES) {
    throw new SignetConfigError(field, `must be at least ${MIN_HMAC_KEY_BYTES} bytes for hmac-sha256 (RFC 2104 §3: no shorter than the hash output); generate one with 32 random bytes`);
  }
  return bytes;
}
