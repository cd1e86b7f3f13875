import type { SignetCrypto } from './signet-crypto.js';

// Web Crypto, the universal implementation (browsers, Deno, Bun, workers).
const subtle = globalThis.crypto.subtle;

/** {@link SignetCrypto} on Web Crypto. */
export const platformCrypto: SignetCrypto = {
  async sha256(data) {
    return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  },
  async hmacSha256(key, data) {
    const cryptoKey = await subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as Uint8Array<ArrayBuffer>));
  },
  randomBytes(length) {
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
};
