/** What can be hashed: bytes, a string (as UTF-8), or parts hashed as their concatenation. */
export type HashInput = Uint8Array | string | readonly (Uint8Array | string)[];

/** A digest as text: lower-case hex, or standard padded base64 (RFC 4648 §4). */
export type DigestEncoding = 'hex' | 'base64';

/**
 * The few primitives Signet's schemes need, behind one small interface so each runtime gets the
 * fastest implementation: `node:crypto` under Node's `node` export condition, Web Crypto elsewhere
 * (see the `#crypto` entry of this package's `imports` map). On Node 20 an HMAC through
 * `crypto.subtle` costs about 34 µs and through `node:crypto` about 1.6 µs, because every `subtle`
 * call is a thread-pool job.
 *
 * Strings are hashed as their UTF-8 bytes, and a list of parts as their concatenation, so callers
 * need not build (and allocate) the joined bytes. An HMAC key is prepared once per `Uint8Array`
 * and reused: pass the same array for the same key, and never change its bytes after first use.
 * Ask for the digest as text when text is what you send: Node then encodes it natively, which
 * costs far less than making a byte array and encoding that.
 */
export interface SignetCrypto {
  /** SHA-256 of `data`. */
  sha256(data: HashInput): Promise<Uint8Array>;
  /** SHA-256 of `data`, as text. */
  sha256(data: HashInput, encoding: DigestEncoding): Promise<string>;
  /** HMAC-SHA256 of `data` under `key` (RFC 2104). */
  hmacSha256(key: Uint8Array, data: HashInput): Promise<Uint8Array>;
  /** HMAC-SHA256 of `data` under `key` (RFC 2104), as text. */
  hmacSha256(key: Uint8Array, data: HashInput, encoding: DigestEncoding): Promise<string>;
  /** SHA-1 of `data`. Only for protocols that still name it (the OAuth 1.0a body hash); never for new designs. */
  sha1(data: HashInput): Promise<Uint8Array>;
  /** SHA-1 of `data`, as text. */
  sha1(data: HashInput, encoding: DigestEncoding): Promise<string>;
  /**
   * HMAC-SHA1 of `data` under `key` (RFC 2104), for OAuth 1.0a's `HMAC-SHA1` (RFC 5849 §3.4.2).
   * HMAC-SHA1 is still sound as a MAC; prefer HMAC-SHA256 where the other side allows it.
   */
  hmacSha1(key: Uint8Array, data: HashInput): Promise<Uint8Array>;
  /** HMAC-SHA1 of `data` under `key` (RFC 2104), as text. */
  hmacSha1(key: Uint8Array, data: HashInput, encoding: DigestEncoding): Promise<string>;
  /** `length` cryptographically random bytes. */
  randomBytes(length: number): Uint8Array;
}
