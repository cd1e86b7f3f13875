import type { DigestEncoding, HashInput, SignetCrypto } from './signet-crypto.js';

/**
 * Synchronous text digests, which the runtime's own crypto carries where it has them
 * (\`node:crypto\`; Web Crypto has none). Internal: a scheme uses them to skip its awaits, only
 * behind that object itself, never behind a crypto the caller supplied (which may wrap an HSM, or
 * count calls).
 */
export interface SyncDigests {
  sha256(data: HashInput, encoding: DigestEncoding): string;
  hmacSha256(key: Uint8Array, data: HashInput, encoding: DigestEncoding): string;
  sha1(data: HashInput, encoding: DigestEncoding): string;
  hmacSha1(key: Uint8Array, data: HashInput, encoding: DigestEncoding): string;
  /** `length` random bytes as base64url without padding (a nonce), encoded natively from the random pool: only the string is allocated. */
  randomBase64url(length: number): string;
}

/**
 * Where the platform's crypto keeps them: an own, non-enumerable property, so that a copy of it
 * with a method replaced (\`{ ...platformCrypto, hmacSha256 }\`, \`Object.assign\`) does not
 * carry them, and the replaced method is always called. \`Symbol.for\`, since the Node build of
 * the crypto module is compiled apart from the schemes.
 */
export const SYNC_DIGESTS: unique symbol = Symbol.for('@signet/core sync digests') as never;

/** The synchronous digests `crypto` itself carries, if any. */
export function syncDigestsOf(crypto: SignetCrypto): SyncDigests | undefined {
  return Object.hasOwn(crypto, SYNC_DIGESTS) ? (crypto as unknown as Record<typeof SYNC_DIGESTS, SyncDigests>)[SYNC_DIGESTS] : undefined;
}
