import { describe, expect, test } from 'vitest';
import { decodeBasic } from '../../src/schemes/decode-basic.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64bytes = (bytes: readonly number[]) => Buffer.from(bytes).toString('base64');

describe('decodeBasic: published vectors', () => {
  test('RFC 7617 §2: Aladdin / open sesame', () => {
    expect(decodeBasic('QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({ username: 'Aladdin', password: 'open sesame' });
  });

  test('RFC 7617 §2.1: user "test", password "123£" in UTF-8', () => {
    const decoded = decodeBasic('dGVzdDoxMjPCow==');
    expect(decoded).toEqual({ username: 'test', password: '123\u00a3' });
    // U+00A3 is one code point, sent as the two bytes C2 A3.
    expect(decoded?.password).toHaveLength(4);
  });
});

describe('decodeBasic: what it accepts', () => {
  test.each([
    ['ascii', 'alice', 's3cret'],
    ['Latin-1 range in UTF-8', 'Jürgen', 'grüße'],
    ['CJK', '用户', '密码'],
    ['astral plane (4-byte UTF-8)', 'bob', 'key-🔑-😀'],
    ['empty password', 'alice', ''],
    ['empty user-id', '', 'pw'],
    ['spaces are kept', ' a b ', ' p w '],
  ])('%s round-trips through an independent encoder', (_name, username, password) => {
    expect(decodeBasic(b64(`${username}:${password}`))).toEqual({ username, password });
  });

  test('splits at the first colon: the password may contain colons (RFC 7617 §2)', () => {
    expect(decodeBasic(b64('alice:pa:ss:word:'))).toEqual({ username: 'alice', password: 'pa:ss:word:' });
    expect(decodeBasic(b64('alice::'))).toEqual({ username: 'alice', password: ':' });
  });

  test('normalizes user-id and password to NFC (RFC 7617 §2.1)', () => {
    const decoded = decodeBasic(b64('Jose\u0301:cafe\u0301'));
    expect(decoded).toEqual({ username: 'Jos\u00e9', password: 'caf\u00e9' });
    expect(decoded?.username).toHaveLength(4);
    expect(decoded?.password).toHaveLength(4);
  });

  test('reads the standard alphabet, including + and /', () => {
    // "a:~~~" and "a:???" encode to tokens containing "+" and "/".
    expect(b64('a:~~~')).toBe('YTp+fn4=');
    expect(decodeBasic('YTp+fn4=')).toEqual({ username: 'a', password: '~~~' });
    expect(b64('a:???')).toBe('YTo/Pz8=');
    expect(decodeBasic('YTo/Pz8=')).toEqual({ username: 'a', password: '???' });
  });
});

describe('decodeBasic: malformed tokens give undefined', () => {
  test.each([
    ['empty', ''],
    // atob() alone would accept these three; the verifier is strict.
    ['unpadded', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ'],
    ['short padding', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ='],
    ['inner whitespace', 'QWxh ZGRp bjpv cGVu IHNlc2FtZQ=='],
    ['base64url alphabet', 'YTp-fn4='],
    ['base64url alphabet (_)', 'YTo_Pz8='],
    ['padding in the middle', 'QQ==QQ=='],
    ['three padding characters', 'Y==='],
    ['only padding', '===='],
    ['not base64 at all', '!!!!'],
    ['a whole header by mistake', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
  ])('%s', (_name, token) => {
    expect(decodeBasic(token)).toBeUndefined();
  });

  test('no colon', () => {
    expect(decodeBasic(b64('Aladdin'))).toBeUndefined();
    expect(decodeBasic(b64('Aladdin open sesame'))).toBeUndefined();
  });

  test.each([
    ['a lone 0xFF byte', [0x61, 0x3a, 0xff]],
    ['the ISO-8859-1 form of RFC 7617 §2.1 ("test:123" + 0xA3)', [...Buffer.from('test:123'), 0xa3]],
    ['an overlong encoding of "/"', [0x61, 0x3a, 0xc0, 0xaf]],
    ['an encoded UTF-16 surrogate', [0x61, 0x3a, 0xed, 0xa0, 0x80]],
    ['a truncated 3-byte sequence', [0x61, 0x3a, 0xe2, 0x82]],
    ['invalid bytes in the user-id', [0xfe, 0x3a, 0x61]],
  ])('invalid UTF-8: %s', (_name, bytes) => {
    expect(decodeBasic(b64bytes(bytes))).toBeUndefined();
  });

  test('the ISO-8859-1 token is exactly the one a Latin-1 client would send', () => {
    expect(b64bytes([...Buffer.from('test:123'), 0xa3])).toBe('dGVzdDoxMjOj');
    expect(decodeBasic('dGVzdDoxMjOj')).toBeUndefined();
  });
});

describe('decodeBasic: one encoding per credential', () => {
  test('non-canonical base64 (stray low bits before padding, RFC 4648 §3.5) is malformed', () => {
    expect(decodeBasic('QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({ username: 'Aladdin', password: 'open sesame' });
    expect(decodeBasic('QWxhZGRpbjpvcGVuIHNlc2FtZR==')).toBeUndefined();
  });

  test('a UTF-8 byte order mark is kept, not silently stripped from the user-id', () => {
    expect(decodeBasic(b64bytes([0xef, 0xbb, 0xbf, ...Buffer.from('alice:pw')]))).toEqual({ username: '\ufeffalice', password: 'pw' });
  });
});
