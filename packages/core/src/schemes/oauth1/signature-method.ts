import { SignetConfigError } from '../../errors/config-error.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';

/**
 * The signature methods Signet signs and verifies: RFC 5849 §3.4's HMAC-SHA1, RSA-SHA1 and
 * PLAINTEXT, and their SHA-256 variants, which many providers accept.
 */
export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'RSA-SHA256' | 'PLAINTEXT';

/** Every {@link OAuth1SignatureMethod}. */
export const OAUTH1_SIGNATURE_METHODS: readonly OAuth1SignatureMethod[] = ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'RSA-SHA256', 'PLAINTEXT'];

/** Whether a method signs with an RSA private key rather than the shared secrets. */
export function isRsaMethod(method: OAuth1SignatureMethod): method is 'RSA-SHA1' | 'RSA-SHA256' {
  return method === 'RSA-SHA1' || method === 'RSA-SHA256';
}

/** Checks a signature method option; the message lists the accepted ones. */
export function checkSignatureMethod(value: unknown, field: string): OAuth1SignatureMethod {
  if (!OAUTH1_SIGNATURE_METHODS.includes(value as OAuth1SignatureMethod)) {
    throw new SignetConfigError(field, `must be one of ${OAUTH1_SIGNATURE_METHODS.join(', ')}`);
  }
  return value as OAuth1SignatureMethod;
}

/**
 * The HMAC key and the PLAINTEXT signature (RFC 5849 §3.4.2, §3.4.4): the encoded consumer
 * secret, `&`, and the encoded token secret (empty without a token; the `&` stays).
 *
 * @example
 * ```ts
 * signingKey('kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'); // 'kd94hf93k423kf44&pfkkdhi9sl3r4s00'
 * ```
 */
export function signingKey(consumerSecret: string, tokenSecret = ''): string {
  return `${oauthPercentEncode(consumerSecret)}&${oauthPercentEncode(tokenSecret)}`;
}
