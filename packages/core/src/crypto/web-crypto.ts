import { base64, hex } from '../encoding.js';
import type { DigestEncoding, HashInput, SignetCrypto } from './signet-crypto.js';

// Web Crypto, the universal implementation (browsers, Deno, Bun, workers).
const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
// importKey is a round trip of its own: do it once per key. A Web Crypto HMAC key is bound to its
// hash, so the same key bytes used with SHA-1 and SHA-256 are imported once for each.
type HmacHash = 'SHA-1' | 'SHA-256';
const keys: Record<HmacHash, WeakMap<Uint8Array, Promise<CryptoKey>>> = { 'SHA-1': new WeakMap(), 'SHA-256': new WeakMap() };

function bytesOf(data: HashInput): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data as Uint8Array<ArrayBuffer>;
  const parts = data.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  const joined = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function hmacKey(key: Uint8Array, hash: HmacHash): Promise<CryptoKey> {
  let cryptoKey = keys[hash].get(key);
  if (cryptoKey === undefined) {
    cryptoKey = subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash }, false, ['sign']);
    keys[hash].set(key, cryptoKey);
  }
  return cryptoKey;
}

const encode = (digest: ArrayBuffer, encoding: DigestEncoding | undefined) => {
  const bytes = new Uint8Array(digest);
  return encoding === undefined ? bytes : encoding === 'hex' ? hex(bytes) : base64(bytes);
};

/** {@link SignetCrypto} on Web Crypto. */
export const platformCrypto: SignetCrypto = {
  sha256: (async (data: HashInput, encoding?: DigestEncoding) => encode(await subtle.digest('SHA-256', bytesOf(data)), encoding)) as SignetCrypto['sha256'],
  hmacSha256: (async (key: Uint8Array, data: HashInput, encoding?: DigestEncoding) =>
    encode(await subtle.sign('HMAC', await hmacKey(key, 'SHA-256'), bytesOf(data)), encoding)) as SignetCrypto['hmacSha256'],
  sha1: (async (data: HashInput, encoding?: DigestEncoding) => encode(await subtle.digest('SHA-1', bytesOf(data)), encoding)) as SignetCrypto['sha1'],
  hmacSha1: (async (key: Uint8Array, data: HashInput, encoding?: DigestEncoding) =>
    encode(await subtle.sign('HMAC', await hmacKey(key, 'SHA-1'), bytesOf(data)), encoding)) as SignetCrypto['hmacSha1'],
  randomBytes(length) {
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
};
