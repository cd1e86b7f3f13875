/**
 * The few primitives Signet's schemes need, behind one small interface so each runtime gets the
 * fastest implementation: `node:crypto` under Node's `node` export condition, Web Crypto elsewhere
 * (see the `#crypto` entry of this package's `imports` map). On Node 20 an HMAC through
 * `crypto.subtle` costs about 34 µs and through `node:crypto` about 1.6 µs, because every `subtle`
 * call is a thread-pool job.
 */
export interface SignetCrypto {
  /** SHA-256 of `data`. */
  sha256(data: Uint8Array): Promise<Uint8Array>;
  /** HMAC-SHA256 of `data` under `key` (RFC 2104). */
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** `length` cryptographically random bytes. */
  randomBytes(length: number): Uint8Array;
}
