import { type SignetCrypto, timingSafeEqual } from '@signet/core';
import { checkHmacKey, ed25519VerifyingKey, type HttpSignatureAlgorithm } from '@signet/core/http-signatures';

/** Checks a signature over a signature base's bytes. */
export type SignatureCheck = (base: Uint8Array, signature: Uint8Array, crypto: SignetCrypto) => Promise<boolean>;

/**
 * Checks `key` for `algorithm` and returns the verification function (RFC 9421 §3.3.4, §3.3.6).
 * HMAC recomputes the MAC with the injected crypto and compares in constant time; Ed25519 goes
 * through Web Crypto's `verify`, which takes the public key only.
 */
export function createSignatureCheck(algorithm: HttpSignatureAlgorithm, key: unknown, field: string): SignatureCheck {
  if (algorithm === 'hmac-sha256') {
    const bytes = checkHmacKey(key, field);
    return async (base, signature, crypto) => timingSafeEqual(await crypto.hmacSha256(bytes, base), signature);
  }
  const publicKey = ed25519VerifyingKey(key, field);
  return async (base, signature) => {
    // §3.3.6: the signature is the 64-byte R || S.
    if (signature.length !== 64) return false;
    return globalThis.crypto.subtle.verify({ name: 'Ed25519' }, await publicKey(), signature as Uint8Array<ArrayBuffer>, base as Uint8Array<ArrayBuffer>);
  };
}
