import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { base64, utf8 } from '../../encoding.js';

/** What signs a base string, per method. */
export type OAuth1SigningKey =
  /** The UTF-8 of `signingKey(consumerSecret, tokenSecret)`; pass the same array every time (SignetCrypto caches the prepared key). */
  | { readonly method: 'HMAC-SHA1' | 'HMAC-SHA256'; readonly key: Uint8Array }
  /** `signingKey(consumerSecret, tokenSecret)` itself: PLAINTEXT's signature is the key (RFC 5849 §3.4.4). */
  | { readonly method: 'PLAINTEXT'; readonly key: string }
  /** An RSASSA-PKCS1-v1_5 private key imported for the method's hash. */
  | { readonly method: 'RSA-SHA1' | 'RSA-SHA256'; readonly key: CryptoKey };

/**
 * The `oauth_signature` of a base string, base64 (before the §3.6 encoding the header applies):
 * HMAC-SHA1 (RFC 5849 §3.4.2) or HMAC-SHA256 under the key; RSASSA-PKCS1-v1_5 (§3.4.3, RFC 3447
 * §8.2) with SHA-1 or SHA-256 through Web Crypto; PLAINTEXT (§3.4.4), the key itself, which does
 * not depend on the base string at all.
 */
export async function signBaseString(baseString: string, signingKey: OAuth1SigningKey, crypto: SignetCrypto): Promise<string> {
  switch (signingKey.method) {
    case 'HMAC-SHA1':
      return crypto.hmacSha1(signingKey.key, baseString, 'base64');
    case 'HMAC-SHA256':
      return crypto.hmacSha256(signingKey.key, baseString, 'base64');
    case 'PLAINTEXT':
      return signingKey.key;
    default:
      return base64(new Uint8Array(await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', signingKey.key, utf8(baseString) as Uint8Array<ArrayBuffer>)));
  }
}
