import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { base64 } from '../../encoding.js';

/**
 * The `Content-Digest` field value for `body` (RFC 9530 §2): a dictionary with the SHA-256 of the
 * content as a byte sequence. An empty body has a digest too (of zero bytes).
 *
 * @example
 * ```ts
 * await contentDigest(utf8('{"hello": "world"}'), platformCrypto);
 * // 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'
 * ```
 */
export async function contentDigest(body: Uint8Array, crypto: SignetCrypto): Promise<string> {
  return `sha-256=:${base64(await crypto.sha256(body))}:`;
}
