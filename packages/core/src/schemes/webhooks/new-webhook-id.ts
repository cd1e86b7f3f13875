import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { base64url } from '../../encoding.js';

/**
 * A fresh message id: `msg_` and 128 random bits in base64url (no `.`, as the spec asks).
 * Generate it once per event and reuse it for every delivery attempt of that event.
 *
 * @example
 * ```ts
 * const id = newWebhookId(platformCrypto); // 'msg_3q2-7wX…'
 * ```
 */
export function newWebhookId(crypto: SignetCrypto): string {
  return `msg_${base64url(crypto.randomBytes(16))}`;
}
