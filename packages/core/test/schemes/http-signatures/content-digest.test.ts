import { describe, expect, test } from 'vitest';
import { platformCrypto, utf8 } from '@signet/core';
import { checkContentDigest, contentDigest } from '@signet/core/http-signatures';

describe('contentDigest (RFC 9530)', () => {
  test('RFC 9530 Appendix B: {"hello": "world"} → sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:', async () => {
    expect(await contentDigest(utf8('{"hello": "world"}'), platformCrypto)).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
  });

  test('the empty body has a digest too', async () => {
    expect(await contentDigest(new Uint8Array(0), platformCrypto)).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
  });
});

describe('checkContentDigest', () => {
  const body = utf8('{"hello": "world"}');

  test('matches our own digest, and the RFC 9421 Appendix B.2 test request (sha-512)', async () => {
    expect(await checkContentDigest('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:', body, platformCrypto)).toBe('match');
    const b2 = 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';
    expect(await checkContentDigest(b2, body, platformCrypto)).toBe('match');
  });

  test('RFC 9530 §2: sha-512 of {"hello": "world"} with a final newline', async () => {
    const value = 'sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCsyRZOtw8MjkM7iw7yZ/WkppmM44T3qg==:';
    expect(await checkContentDigest(value, utf8('{"hello": "world"}\n'), platformCrypto)).toBe('match');
    expect(await checkContentDigest(value, body, platformCrypto)).toBe('mismatch');
  });

  test('one changed byte is a mismatch', async () => {
    expect(await checkContentDigest('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:', utf8('{"hello": "World"}'), platformCrypto)).toBe('mismatch');
  });

  test('every known digest must match; unknown algorithms are ignored', async () => {
    const good = 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:';
    expect(await checkContentDigest(`md5=:AAAA:, ${good}`, body, platformCrypto)).toBe('match');
    expect(await checkContentDigest(`${good}, sha-512=:AAAA:`, body, platformCrypto)).toBe('mismatch');
    expect(await checkContentDigest('md5=:AAAA:', body, platformCrypto)).toBe('unsupported');
  });

  test('a value that is not a dictionary of byte sequences is malformed', async () => {
    for (const value of ['sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', 'sha-256="abc"', 'SHA-256=:AAAA:', 'sha-256=:AAAA']) {
      expect(await checkContentDigest(value, body, platformCrypto)).toBe('malformed');
    }
  });
});
