import { describe, expect, test } from 'vitest';
import { base64, base64url, hex, platformCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { platformCrypto as webCrypto } from '../../src/crypto/web-crypto.js';

describe('crypto', () => {
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
