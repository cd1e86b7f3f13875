// URL and parameter edge cases. Every expected value is derived by hand from the rules of
// RFC 5849, written out beside it, not taken from this code:
//   §3.4.1.2    base string URI: scheme and host lower-case; port dropped when it is the
//               scheme's default (80 http, 443 https); path as sent; no query, no fragment.
//   §3.4.1.3.1  the query is read as application/x-www-form-urlencoded: split on "&", then at
//               the first "="; "+" is a space; %XX decoded; a key without "=" has an empty value.
//   §3.4.1.3.2  names and values encoded per §3.6 (all but A-Z a-z 0-9 - . _ ~, UTF-8, upper-case
//               hex), sorted by encoded name then encoded value, byte order; duplicates kept.
import { describe, expect, test } from 'vitest';
import { utf8 } from '@signet/core';
import { baseStringUri, buildBaseString, collectParameters, isFormContentType, normalizeParameters, oauthPercentEncode } from '@signet/core/oauth1';

describe('base string URI (§3.4.1.2)', () => {
  test.each([
    // The RFC's own two examples.
    ['HTTP://EXAMPLE.COM:80/r%20v/X?id=123', 'http://example.com/r%20v/X'],
    ['https://www.example.net:8080/?q=1', 'https://www.example.net:8080/'],
    ['https://Api.Example.COM:443/a', 'https://api.example.com/a'], // default https port dropped, host lower-cased
    ['http://example.com:443/a', 'http://example.com:443/a'], // 443 is not http's default: kept
    ['https://example.com:80/a', 'https://example.com:80/a'], // 80 is not https's default: kept
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['http://example.com', 'http://example.com/'], // empty path is "/"
    ['http://example.com/a#section', 'http://example.com/a'], // no fragment
    ['http://example.com/a?x=1#section', 'http://example.com/a'], // no query either
    ['http://example.com/A/b%2Fc', 'http://example.com/A/b%2Fc'], // path case and escapes as sent
    ['http://[::1]:8080/p', 'http://[::1]:8080/p'],
  ])('%s → %s', (url, expected) => {
    expect(baseStringUri(new URL(url))).toBe(expected);
  });
});

const normalizedQuery = (url: string) => normalizeParameters(collectParameters({ url: new URL(url), contentType: null, body: undefined, protocolParameters: [] }));

describe('normalized parameters from the query (§3.4.1.3)', () => {
  test.each([
    ['?a=1&b=2', 'a=1&b=2'],
    ['?b=2&a=1', 'a=1&b=2'], // sorted by name
    ['?a=2&a=1', 'a=1&a=2'], // repeated keys kept, sorted by value
    ['?a=10&a=9&a=1', 'a=1&a=10&a=9'], // values compare as bytes: "1" < "10" < "9"
    ['?flag', 'flag='], // key without "=": empty value
    ['?empty=', 'empty='], // empty value
    ['?a=&a', 'a=&a='], // both empty, both kept
    ['?a=1&&b=2', 'a=1&b=2'], // an empty part is no parameter
    ['?q=a+b', 'q=a%20b'], // "+" is a space in form encoding, and a space encodes as %20
    ['?q=a%2Bb', 'q=a%2Bb'], // an encoded plus is a plus, encoded again as %2B
    ['?q=a%2bb', 'q=a%2Bb'], // hex comes out upper-case
    ['?q=*', 'q=%2A'], // "*" is not unreserved
    ['?q=%2a', 'q=%2A'],
    ['?q=~', 'q=~'], // "~" is unreserved: never encoded
    ['?q=%7E', 'q=~'], // ... so an encoded tilde is decoded for good
    ["?q=!'()", 'q=%21%27%28%29'], // the characters JavaScript's encodeURIComponent leaves alone
    ['?q=-._', 'q=-._'],
    ['?q=%3D%253D', 'q=%3D%253D'], // "=%3D" decoded once, each "%" and "=" then encoded
    ['?a=b=c', 'a=b%3Dc'], // split at the first "=" only
    ['?c%40=', 'c%40='], // encoded reserved characters in names
    ['?c@=', 'c%40='],
    ['?c2=&c%40=', 'c%40=&c2='], // sort by the encoded name: "%" (0x25) before "2" (0x32)
    ['?a=%2F&b=/', 'a=%2F&b=%2F'], // "/" is reserved: encoded either way
    ['?Z=1&a=1', 'Z=1&a=1'], // upper-case letters sort first
    ['?a~b=1&a_b=1&a.b=1&a-b=1', 'a-b=1&a.b=1&a_b=1&a~b=1'], // "-" 2D, "." 2E, "_" 5F, "~" 7E
    ['?q=%C3%A9', 'q=%C3%A9'], // é as UTF-8
    ['?q=é', 'q=%C3%A9'], // raw unicode: the URL parser sends it as %C3%A9
    ['?%E2%9C%93=1', '%E2%9C%93=1'], // ✓ in a name
    ['?q=%F0%9F%98%80', 'q=%F0%9F%98%80'], // 😀, four UTF-8 bytes
    ['?a=x%20y&a=x+y', 'a=x%20y&a=x%20y'], // two spellings of one value: equal after decoding, both kept
    ['?p=100%', 'p=100%25'], // a stray "%" is literal, so it encodes as %25
    ['?a=1#b=2', 'a=1'], // the fragment is never sent
  ])('%s → %s', (search, expected) => {
    expect(normalizedQuery(`http://example.com/r${search}`)).toBe(expected);
  });
});

describe('form bodies (§3.4.1.3.1)', () => {
  const normalizedWith = (contentType: string | null, body: string | undefined, url = 'http://example.com/r') =>
    normalizeParameters(collectParameters({ url: new URL(url), contentType, body: body === undefined ? undefined : utf8(body), protocolParameters: [] }));

  test.each([
    ['application/x-www-form-urlencoded', 'b=2&a=x+y', 'a=x%20y&b=2'],
    ['application/x-www-form-urlencoded; charset=UTF-8', 'k', 'k='],
    ['Application/X-WWW-Form-URLEncoded', 'a=%2A', 'a=%2A'], // media types are case-insensitive
    ['application/json', '{"a":1}', ''], // not a form: not parameters
    ['multipart/form-data; boundary=x', 'a=1', ''],
    [null, 'a=1', ''], // no Content-Type: not a form
  ])('%s with %s → %s', (contentType, body, expected) => {
    expect(normalizedWith(contentType, body)).toBe(expected);
  });

  test('query and body parameters with the same name are all kept', () => {
    expect(normalizedWith('application/x-www-form-urlencoded', 'a=2&a=1', 'http://example.com/r?a=3&a=1')).toBe('a=1&a=1&a=2&a=3');
  });

  test('oauth_signature is left out wherever it is, and realm in a query is an ordinary parameter', () => {
    const url = new URL('http://example.com/r?oauth_signature=x&realm=r');
    expect(normalizeParameters(collectParameters({ url, contentType: null, body: undefined, protocolParameters: [['oauth_signature', 'y'], ['oauth_nonce', 'n']] }))).toBe('oauth_nonce=n&realm=r');
  });

  test.each([
    ['application/x-www-form-urlencoded', true],
    [' application/x-www-form-urlencoded ;charset=utf-8', true],
    ['application/x-www-form-urlencoded-extra', false],
    ['text/plain', false],
    [null, false],
  ])('isFormContentType(%j) is %s', (contentType, expected) => {
    expect(isFormContentType(contentType)).toBe(expected);
  });
});

describe('the whole base string (§3.4.1.1)', () => {
  test('method upper-cased; URI and parameters encoded once more', () => {
    // "post" → POST; URI http://example.com:8080/a%20b → encoded "http%3A%2F%2Fexample.com%3A8080%2Fa%2520b";
    // parameters "q=a%20b" → "q%3Da%2520b".
    const url = new URL('HTTP://Example.com:8080/a%20b?q=a+b#f');
    expect(buildBaseString({ method: 'post', url, parameters: [['q', 'a b']] })).toBe('POST&http%3A%2F%2Fexample.com%3A8080%2Fa%2520b&q%3Da%2520b');
  });

  test('a custom method with a reserved character is encoded', () => {
    expect(buildBaseString({ method: 'M!', url: new URL('http://e.com/'), parameters: [] })).toBe('M%21&http%3A%2F%2Fe.com%2F&');
  });
});

describe('§3.6 percent encoding', () => {
  test.each([
    ['abcXYZ019-._~', 'abcXYZ019-._~'],
    [" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}", '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    ['\uD800', '%EF%BF%BD'], // a lone surrogate has no UTF-8 form: U+FFFD, as TextEncoder writes it
  ])('%j → %s', (text, expected) => {
    expect(oauthPercentEncode(text)).toBe(expected);
  });
});
