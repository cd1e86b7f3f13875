import { describe, expect, test } from 'vitest';
import { base64, base64url, hex, platformCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { platformCrypto as webCrypto } from '../../src/crypto/web-crypto.js';

// RFC 4231 §4.2–4.8: HMAC-SHA256 test cases 1–7 (key, data, expected; case 5 is truncated to 128 bits).
const RFC4231: Array<[number, string, string, string]> = [
  [1, '0b'.repeat(20), '4869205468657265', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  [2, '4a656665', '7768617420646f2079612077616e7420666f72206e6f7468696e673f', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  [3, 'aa'.repeat(20), 'dd'.repeat(50), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
  [4, '0102030405060708090a0b0c0d0e0f10111213141516171819', 'cd'.repeat(50), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
  [5, '0c'.repeat(20), '546573742057697468205472756e636174696f6e', 'a3b6167473100ee06e0c796c2955552b'],
  [
    6,
    'aa'.repeat(131),
    '54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374',
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    7,
    'aa'.repeat(131),
    '5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e',
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
];
const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

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
