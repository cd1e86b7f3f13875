import { describe, expect, test } from 'vitest';
import { base64, hex, platformCrypto, utf8 } from '@signet/core';
import { platformCrypto as webCrypto } from '../../src/crypto/web-crypto.js';

// RFC 2202 §3: HMAC-SHA1 test cases 1–7 (key, data, expected), keys and data as hex.
const text = (value: string) => hex(utf8(value));
const RFC2202: Array<[number, string, string, string]> = [
  [1, '0b'.repeat(20), text('Hi There'), 'b617318655057264e28bc0b6fb378c8ef146be00'],
  [2, text('Jefe'), text('what do ya want for nothing?'), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79'],
  [3, 'aa'.repeat(20), 'dd'.repeat(50), '125d7342b9ac11cd91a39af48aa17b4f63f175d3'],
  [4, '0102030405060708090a0b0c0d0e0f10111213141516171819', 'cd'.repeat(50), '4c9007f4026250c6bc8414f9bf50c86c2d7235da'],
  [5, '0c'.repeat(20), text('Test With Truncation'), '4c1a03424b55e07fe7f27be1d58bb9324a9a5a04'],
  [6, 'aa'.repeat(80), text('Test Using Larger Than Block-Size Key - Hash Key First'), 'aa4ae5e15272d00e95705637ce8a3b55ed402112'],
  [7, 'aa'.repeat(80), text('Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data'), 'e8e99d0f45237d786d6bbaa7965c7808bbff1a91'],
];
const fromHex = (value: string) => Uint8Array.from(value.match(/../g) ?? [], (pair) => parseInt(pair, 16));
const implementations = [
  ['node:crypto', platformCrypto],
  ['Web Crypto', webCrypto],
] as const;

describe('crypto: SHA-1 and HMAC-SHA1', () => {
  describe.each(implementations)('%s: RFC 2202 HMAC-SHA1 test cases', (_, crypto) => {
    test.each(RFC2202)('case %i', async (_case, key, data, expected) => {
      expect(hex(await crypto.hmacSha1(fromHex(key), fromHex(data)))).toBe(expected);
      expect(await crypto.hmacSha1(fromHex(key), fromHex(data), 'hex')).toBe(expected);
    });
  });

  // FIPS 180-2 Appendix A.1 ("abc") and the SHA-1 of zero bytes.
  test.each(implementations)('%s computes published SHA-1 vectors, as bytes, hex or base64', async (_, crypto) => {
    expect(hex(await crypto.sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await crypto.sha1('abc', 'hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await crypto.sha1('', 'base64')).toBe('2jmj7l5rSw0yVb/vlWAYkK/YBwk=');
    expect(await crypto.sha1(['a', utf8('bc')], 'hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  test.each(implementations)('%s hashes strings as UTF-8, parts as their concatenation, and encodes on request', async (_, crypto) => {
    const key = utf8('Jefe');
    const mac = await crypto.hmacSha1(key, utf8('what do ya want for nothing?'));
    expect(await crypto.hmacSha1(key, 'what do ya want for nothing?', 'base64')).toBe(base64(mac));
    expect(await crypto.hmacSha1(key, ['what do ya ', utf8('want for nothing?')], 'hex')).toBe(hex(mac));
  });

  test.each(implementations)('%s keeps HMAC-SHA1 and HMAC-SHA256 apart for the same key bytes', async (_, crypto) => {
    // One Uint8Array used with both hashes: a key cache that ignored the hash would answer wrongly.
    const key = utf8('Jefe');
    expect(await crypto.hmacSha256(key, 'what do ya want for nothing?', 'hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(await crypto.hmacSha1(key, 'what do ya want for nothing?', 'hex')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(await crypto.hmacSha256(key, 'what do ya want for nothing?', 'hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
