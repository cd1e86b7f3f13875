import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { timingSafeEqual } from '../../crypto/timing-safe-equal.js';
import { parseDictionary } from './parse-dictionary.js';

/**
 * What {@link checkContentDigest} found:
 * - `'match'`: every digest Signet knows (sha-256, sha-512) matches the body, and there is at least one;
 * - `'mismatch'`: one of them does not match;
 * - `'malformed'`: the field is not a dictionary of byte sequences (RFC 9530 §2);
 * - `'unsupported'`: it holds no algorithm Signet knows, so nothing was checked.
 */
export type ContentDigestCheck = 'match' | 'mismatch' | 'malformed' | 'unsupported';

/**
 * Checks a received `Content-Digest` field value against the body's exact bytes (RFC 9530 §2).
 * sha-256 uses the injected crypto; sha-512 (which the RFC 9421 test request carries) goes
 * through Web Crypto. Algorithms it does not know are ignored (RFC 9530 §2), insecure or not.
 *
 * @example
 * ```ts
 * await checkContentDigest(request.headers.get('content-digest')!, body, platformCrypto); // 'match'
 * ```
 */
export async function checkContentDigest(fieldValue: string, body: Uint8Array, crypto: SignetCrypto): Promise<ContentDigestCheck> {
  const dictionary = parseDictionary(fieldValue);
  if (dictionary === undefined) return 'malformed';
  let checked = 0;
  let allMatch = true;
  for (const [algorithm, member] of dictionary) {
    if (member.kind !== 'item' || member.value.type !== 'byte-sequence') return 'malformed';
    const expected = await digest(algorithm, body, crypto);
    if (expected === undefined) continue;
    checked++;
    allMatch = timingSafeEqual(expected, member.value.value) && allMatch;
  }
  if (checked === 0) return 'unsupported';
  return allMatch ? 'match' : 'mismatch';
}

// RFC 9530 §5: the "Hash Algorithms for HTTP Digest Fields" registry; only the active ones.
async function digest(algorithm: string, body: Uint8Array, crypto: SignetCrypto): Promise<Uint8Array | undefined> {
  if (algorithm === 'sha-256') return crypto.sha256(body);
  if (algorithm === 'sha-512') return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-512', body as Uint8Array<ArrayBuffer>));
  return undefined;
}
