import { describe, expect, test } from 'vitest';
import { base64, base64url, hex, platformCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { platformCrypto as webCrypto } from '../../src/crypto/web-crypto.js';
import { fromHex, RFC4231_HMAC_SHA256 as RFC4231 } from './rfc4231-vectors.js';

describe('crypto', () => {
  describe.each([
    ['node:crypto', platformCrypto],
    ['Web Crypto', webCrypto],
  ])('%s: RFC 4231 HMAC-SHA256 test cases', (_, crypto) => {
    test.each(RFC4231)('case %i', async (_case, key, data, expected) => {
      const mac = hex(await crypto.hmacSha256(fromHex(key), fromHex(data)));
      expect(mac.slice(0, expected.length)).toBe(expected);
    });
  });

  // FIPS 180-2 "abc" and RFC 4231 test case 2.
  test.each([
    ['node:crypto', platformCrypto],
    ['Web Crypto', webCrypto],
  ])('%s computes published SHA-256 and HMAC-SHA256 vectors', async (_, crypto) => {
    expect(hex(await crypto.sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(await crypto.hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(crypto.randomBytes(16)).toHaveLength(16);
  });

  test.each([
    ['node:crypto', platformCrypto],
    ['Web Crypto', webCrypto],
  ])('%s hashes strings as UTF-8 and parts as their concatenation', async (_, crypto) => {
    const joined = hex(await crypto.hmacSha256(utf8('key'), utf8('msg_1.1700000000.{"é":1}')));
    expect(hex(await crypto.hmacSha256(utf8('key'), 'msg_1.1700000000.{"é":1}'))).toBe(joined);
    expect(hex(await crypto.hmacSha256(utf8('key'), ['msg_1.1700000000.', utf8('{"é":1}')]))).toBe(joined);
    expect(hex(await crypto.sha256(['ab', utf8('c')]))).toBe(hex(await crypto.sha256('abc')));
    // One string or one byte array is hashed in one shot on Node (crypto.hash); parts are streamed: both agree.
    expect(await crypto.sha256('{"é":1}', 'hex')).toBe(hex(await crypto.sha256(['{"é":', utf8('1}')])));
    expect(hex(await crypto.sha1(utf8('{"é":1}')))).toBe(hex(await crypto.sha1(['{"é"', ':1}'])));
  });

  test.each([
    ['node:crypto', platformCrypto],
    ['Web Crypto', webCrypto],
  ])('%s returns digests as hex or base64 text on request', async (_, crypto) => {
    const mac = await crypto.hmacSha256(utf8('Jefe'), 'what do ya want for nothing?');
    expect(await crypto.hmacSha256(utf8('Jefe'), 'what do ya want for nothing?', 'hex')).toBe(hex(mac));
    expect(await crypto.hmacSha256(utf8('Jefe'), 'what do ya want for nothing?', 'base64')).toBe(base64(mac));
    expect(await crypto.sha256('abc', 'hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await crypto.sha256('', 'base64')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  test('random bytes from the pool are fresh, never repeated, and not views of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const bytes = platformCrypto.randomBytes(16);
      expect(bytes.byteLength).toBe(16);
      seen.add(hex(bytes));
    }
    expect(seen.size).toBe(1000);
    const kept = platformCrypto.randomBytes(16);
    const copy = hex(kept);
    for (let i = 0; i < 600; i++) platformCrypto.randomBytes(16); // wraps the 4 KiB pool
    expect(hex(kept)).toBe(copy);
    expect(platformCrypto.randomBytes(1000)).toHaveLength(1000);
  });

  test('the Node build uses node:crypto under the node condition', () => {
    expect(platformCrypto).not.toBe(webCrypto);
  });

  test('timingSafeEqual', () => {
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([]), new Uint8Array([0]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });

  test('encodings', () => {
    expect(base64(utf8('Aladdin:open sesame'))).toBe('QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64(new Uint8Array(100_000)).length).toBe(133_336);
  });
});
