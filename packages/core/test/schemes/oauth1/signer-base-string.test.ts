// The signer builds its base string on its own fast path (parameters split as they are when the
// query or form body is already canonically encoded, encoded once for the base string directly).
// These tests capture the exact string it hashes, through an injected SignetCrypto, and hold it
// to (a) values derived by hand from RFC 5849 §3.4.1 and (b) the verifier's path
// (collectParameters + buildBaseString), which edge-cases.test.ts checks against hand-derived
// values, over every query and body shape that takes one path or the other.
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, platformCrypto, type SignableRequest, type SignetCrypto, utf8 } from '@signet/core';
import { baseStringUri, buildBaseString, collectParameters, oauth1, oauthPercentEncode, parseOAuth1Authorization } from '@signet/core/oauth1';

const FORM = 'application/x-www-form-urlencoded';

/** Signs with a fixed clock and nonce; returns the base string the HMAC was given, and the request. */
async function sign(url: string, contentType?: string, body?: string) {
  const hashed: string[] = [];
  const crypto: SignetCrypto = { ...platformCrypto, hmacSha1: ((key: Uint8Array, data: string, encoding: 'base64') => {
    hashed.push(data);
    return platformCrypto.hmacSha1(key, data, encoding);
  }) as SignetCrypto['hmacSha1'] };
  const context = createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }), nonce: () => 'n0nce', crypto });
  const request: SignableRequest = {
    method: 'POST',
    url: new URL(url),
    headers: new Headers(contentType === undefined ? {} : { 'content-type': contentType }),
    body: body === undefined ? undefined : utf8(body),
  };
  const signed = await oauth1({ consumerKey: 'ck', consumerSecret: 'cs' }).authorize(request, context);
  expect(hashed).toHaveLength(1);
  return { baseString: hashed[0]!, signed };
}

/** What the verifier rebuilds from the signed request. */
function verifierBaseString(signed: SignableRequest): string {
  const auth = parseOAuth1Authorization(signed.headers.get('authorization')!.slice('OAuth '.length))!;
  const parameters = collectParameters({ url: signed.url, contentType: signed.headers.get('content-type'), body: signed.body, protocolParameters: auth.parameters });
  return buildBaseString({ method: signed.method, url: signed.url, parameters });
}

// The protocol parameters of `sign` above, as they appear (sorted) in the encoded parameters.
const PROTOCOL = 'oauth_consumer_key%3Dck%26oauth_nonce%3Dn0nce%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000';

describe('the signer hashes the RFC 5849 base string (hand-derived)', () => {
  test('canonical query: sorted with the protocol parameters, "%" and "=" encoded once more', async () => {
    const { baseString } = await sign('https://api.example.com/r?b=2&a=1&q=%3D%253D');
    // q's value decodes to "=%3D", encodes to "%3D%253D" (§3.6), and once more to "%253D%25253D" (§3.4.1.1).
    expect(baseString).toBe(`POST&https%3A%2F%2Fapi.example.com%2Fr&a%3D1%26b%3D2%26${PROTOCOL}%26q%3D%253D%25253D`);
  });

  test('a later "=" in a canonical value is part of the value: %3D, then %253D', async () => {
    const { baseString } = await sign('https://api.example.com/r?a=b=c&flag&&z=');
    expect(baseString).toBe(`POST&https%3A%2F%2Fapi.example.com%2Fr&a%3Db%253Dc%26flag%3D%26${PROTOCOL}%26z%3D`);
  });

  test('request parameters around the protocol parameters, in name order', async () => {
    const { baseString } = await sign('https://api.example.com/r?z=1&oauth=2&oauth_a=3&a=4&p=5');
    expect(baseString).toBe(`POST&https%3A%2F%2Fapi.example.com%2Fr&a%3D4%26oauth%3D2%26oauth_a%3D3%26${PROTOCOL}%26p%3D5%26z%3D1`);
  });

  test('a name sorts before a longer name it begins (NUL separator), whatever follows', async () => {
    // "a" < "a%20b" < "a-b" by encoded name; values would sort the other way.
    const { baseString } = await sign('https://api.example.com/r?a-b=1&a%20b=2&a=3');
    expect(baseString).toBe(`POST&https%3A%2F%2Fapi.example.com%2Fr&a%3D3%26a%2520b%3D2%26a-b%3D1%26${PROTOCOL}`);
  });

  test('a form body as the X/Twitter docs send it, and oauth_signature left out of both sources', async () => {
    const { baseString } = await sign('https://api.example.com/r?include_entities=true&oauth_signature=x', FORM, 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21&oauth_signature=y');
    expect(baseString).toBe(
      `POST&https%3A%2F%2Fapi.example.com%2Fr&include_entities%3Dtrue%26${PROTOCOL}%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521`,
    );
  });
});

describe("the signer's base string is the verifier's", () => {
  test.each([
    // Canonical: split as is.
    '?a=1&b=2', '?a=2&a=1', '?flag', '?a=%20=x', '?a=1&b=%2F%3F=&c=%3D', '?x=&y=%25', '?n=1%20&m=%20', '?a=&a', '?a=1&&b=2', '?q=%3D%253D', '?a=b=c', '?c%40=&c2=', '?a=%2F', '?p=%25', '?=x', '?=',
    // Not canonical: decoded and encoded again.
    '?q=a+b', '?q=a%2bb', '?q=*', '?q=%2a', '?q=%7E', "?q=!'()", '?q=%C3%A9', '?q=é', '?%E2%9C%93=1', '?p=100%', '?p=%E9', '?a=x%20y&a=x+y',
    '?oauth%5Fsignature=x&oauth_signature=y', '?a%3Db=c',
    // Placed around the protocol parameters: below, between and above "oauth_…" names.
    '?oauth=1&oauth_=2&oauth_a=3&oauth_nonce=4&oauth_p=5&oauth_timestamp=0&oauth_zz=6&oauthz=7&p=8&Z=9&~=10',
    '?oauth=1', '?oauth_=1', '?oauthz=1', '?o=1&p=2', '?a=1&z=2&b=3&y=4', '?a=2&a=1&a=10', '?a=1&a-b=2&a.b=3&a_b=4&a~b=5&a0=6&A=7',
    // An escape in a name: the general path (a name that begins another with an escape sorts first).
    '?a=1&a%20b=2&a-b=3', '?%21=1&a=2',
  ])('query %s', async (search) => {
    const { baseString, signed } = await sign(`https://api.example.com/r${search}`);
    expect(baseString).toBe(verifierBaseString(signed));
  });

  test.each([
    [FORM, 'b=2&a=x+y'], [FORM, 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21'], [`${FORM}; charset=UTF-8`, 'k'],
    [FORM, 'a=%2A&a=*'], [FORM, 'q=é&r=%C3%A9'], [FORM, ''], [FORM, 'x=1=2&&y'], ['application/json', '{"a":1}'], ['text/plain', 'a=1'],
  ])('%s body %j', async (contentType, body) => {
    const { baseString, signed } = await sign('https://api.example.com/r?z=1', contentType, body);
    expect(baseString).toBe(verifierBaseString(signed));
  });
});

describe('the base string URI part is §3.4.1.2 encoded (http and https read from URL.host and URL.pathname)', () => {
  test.each([
    'HTTP://EXAMPLE.COM:80/r%20v/X?id=123', 'https://Api.Example.COM:443/a', 'http://example.com:443/a', 'https://example.com:80/a',
    'http://example.com', 'http://[::1]:8080/p', "https://e.com/a(b)!*'~/c", 'https://e.com/%7e/%41', 'https://é.example/ü', 'foo://Host.Example:80/x',
  ])('%s', (url) => {
    // The general path, rebuilt from the parts and encoded as a whole.
    const expected = `GET&${oauthPercentEncode(baseStringUri(new URL(url)))}&`;
    expect(buildBaseString({ method: 'GET', url: new URL(url), parameters: [] })).toBe(expected);
  });

  test('by hand: default port dropped, host lower-cased, ":" and "/" encoded', () => {
    expect(buildBaseString({ method: 'GET', url: new URL('HTTPS://API.Example.com:443/a/b'), parameters: [] })).toBe('GET&https%3A%2F%2Fapi.example.com%2Fa%2Fb&');
    expect(buildBaseString({ method: 'GET', url: new URL('http://[::1]:8080/p'), parameters: [] })).toBe('GET&http%3A%2F%2F%5B%3A%3A1%5D%3A8080%2Fp&');
  });
});
