import { describe, expect, test } from 'vitest';
import { parseAuthorization } from '../../src/schemes/parse-authorization.js';

describe('parseAuthorization', () => {
  test('an absent header is undefined', () => {
    expect(parseAuthorization(null)).toBeUndefined();
  });

  test.each([
    ['Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'basic', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
    // RFC 9110 §11.1: the scheme word is case-insensitive, so it is lower-cased; the value is not.
    ['APIKEY AbC-123', 'apikey', 'AbC-123'],
    ['aPiKeY AbC-123', 'apikey', 'AbC-123'],
    // Several spaces between scheme and value, and around the whole header.
    ['  ApiKey    k-1   ', 'apikey', 'k-1'],
    // Only the first space separates; the rest belongs to the value (auth-params).
    ['Digest username="a b", realm="r"', 'digest', 'username="a b", realm="r"'],
    // A scheme with no credentials.
    ['Bearer', 'bearer', ''],
    ['ApiKey ', 'apikey', ''],
    ['', '', ''],
  ])('%j', (header, scheme, value) => {
    expect(parseAuthorization(header)).toEqual({ scheme, value });
  });
});
