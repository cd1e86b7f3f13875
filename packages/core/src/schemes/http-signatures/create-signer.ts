import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkHmacKey } from './check-hmac-key.js';
import { ed25519SigningKey } from './ed25519-key.js';
import type { HttpSignatureAlgorithm } from './signature-algorithm.js';

/** Signs a signature base's bytes. */
export type SignatureSigner = (base: Uint8Array, crypto: SignetCrypto) => Promise<Uint8Array>;

/**
 * Checks `key` for `algorithm` and returns the signing function (RFC 9421 §3.3.4 HMAC-SHA256,
 * §3.3.6 Ed25519). HMAC goes through the injected crypto (`node:crypto` on Node, no thread-pool
 * round trip); Ed25519 through Web Crypto, which every runtime Signet supports has.
 */
export function createSigner(algorithm: HttpSignatureAlgorithm, key: unknown, field: string): SignatureSigner {
  if (key === undefined) throw new SignetConfigError(field, 'is required');
  if (algorithm === 'hmac-sha256') {
    const bytes = checkHmacKey(key, field);
    return (base, crypto) => crypto.hmacSha256(bytes, base);
  }
  const privateKey = ed25519SigningKey(key, field);
  // §3.3.6: Ed25519 over the base as is (no prehash); the 64-byte R || S is the signature.
  return async (base) => new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, await privateKey(), base as Uint8Array<ArrayBuffer>));
}
