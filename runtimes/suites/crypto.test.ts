// platformCrypto on published vectors: RFC 4231 (HMAC-SHA256), FIPS 180-2 "abc" (SHA-256, SHA-1)
// and RFC 2202 case 2 (HMAC-SHA1), in whichever implementation this bundle's `#crypto` resolved to.
import { base64, base64url, hex, platformCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { cryptoImplementation, expect, test } from '../harness/index.js';
import { fromHex, RFC4231_HMAC_SHA256 } from '../../packages/core/test/crypto/rfc4231-vectors.js';

/** The implementation the runner built this bundle for (esbuild `define`). */
declare const SIGNET_EXPECTED_CRYPTO: string;

export default function define(): void {
  test('#crypto resolved to the implementation this bundle was built for', () => {
    expect(cryptoImplementation()).toBe(SIGNET_EXPECTED_CRYPTO);
  });

  for (const [number, key, data, expected] of RFC4231_HMAC_SHA256) {
    test(`RFC 4231 HMAC-SHA256 test case ${number}, as bytes and as hex`, async () => {
      expect(hex(await platformCrypto.hmacSha256(fromHex(key), fromHex(data))).slice(0, expected.length)).toBe(expected);
      expect((await platformCrypto.hmacSha256(fromHex(key), fromHex(data), 'hex')).slice(0, expected.length)).toBe(expected);
    });
  }

  test('SHA-256 and SHA-1 of "abc" (FIPS 180-2), HMAC-SHA1 (RFC 2202 case 2), as bytes, hex and base64', async () => {
    expect(hex(await platformCrypto.sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await platformCrypto.sha256('', 'base64')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await platformCrypto.sha1('abc', 'hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await platformCrypto.hmacSha1(utf8('Jefe'), 'what do ya want for nothing?', 'hex')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  test('strings hash as UTF-8 and parts as their concatenation', async () => {
    const joined = await platformCrypto.hmacSha256(utf8('key'), utf8('msg_1.1700000000.{"é":1}'), 'hex');
    expect(await platformCrypto.hmacSha256(utf8('key'), 'msg_1.1700000000.{"é":1}', 'hex')).toBe(joined);
    expect(await platformCrypto.hmacSha256(utf8('key'), ['msg_1.1700000000.', utf8('{"é":1}')], 'hex')).toBe(joined);
  });

  test('one key used for HMAC-SHA1 and HMAC-SHA256 gives each its own answer (the key cache is per hash)', async () => {
    const key = utf8('Jefe');
    expect(await platformCrypto.hmacSha256(key, 'what do ya want for nothing?', 'hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(await platformCrypto.hmacSha1(key, 'what do ya want for nothing?', 'hex')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  test('random bytes are fresh: 1000 draws of 16 bytes, no repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(hex(platformCrypto.randomBytes(16)));
    expect(seen.size).toBe(1000);
    expect(platformCrypto.randomBytes(1000)).toHaveLength(1000);
  });

  test('encodings and timingSafeEqual', () => {
    expect(base64(utf8('Aladdin:open sesame'))).toBe('QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64(new Uint8Array(100_000)).length).toBe(133_336);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
  });
}
