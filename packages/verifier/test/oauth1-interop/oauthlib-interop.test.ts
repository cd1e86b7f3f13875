// Interoperability: OAuth 1.0a requests signed by Signet must be accepted by an independent,
// widely used server-side implementation, Python's oauthlib (3.2.2, Debian's python3-oauthlib),
// and refused by it once tampered with. The harness itself is first proven on the RFC 5849 §1.2
// example, built by hand from the RFC text.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { type Credential, createAuthContext } from '@signet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauth1, type OAuth1Options } from '@signet/core/oauth1';
import { type Oauthlib, type OauthlibRequest, startOauthlib, wireRequest } from './oauthlib.js';

let oauthlib: Oauthlib;
beforeAll(async () => {
  oauthlib = await startOauthlib();
});
afterAll(async () => {
  await oauthlib?.close();
});

// ---------------------------------------------------------------------------------------------
// The harness, on the RFC 5849 §1.2 protected-resource request.
// ---------------------------------------------------------------------------------------------

const RFC = {
  uri: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
  consumerKey: 'dpf43f3p2l4k3l03',
  consumerSecret: 'kd94hf93k423kf44',
  token: 'nnch734d00sl2jdk',
  tokenSecret: 'pfkkdhi9sl3r4s00',
  nonce: 'chapoH',
  timestamp: '137131202',
  signature: 'MdpQcU8iPSUjWoN/UDMsK2sui9I=',
} as const;

/** The RFC's signature base string, with the method and nonce left open (for the RSA variants). */
function rfcBaseString(method: string, nonce: string = RFC.nonce): string {
  return (
    'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03' +
    `%26oauth_nonce%3D${nonce}%26oauth_signature_method%3D${method}%26oauth_timestamp%3D137131202` +
    '%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal'
  );
}

/** The RFC's Authorization header, with the signature (and method and nonce) replaceable. */
function rfcAuthorization(signature: string, method = 'HMAC-SHA1', nonce: string = RFC.nonce): string {
  return (
    `OAuth realm="Photos", oauth_consumer_key="${RFC.consumerKey}", oauth_token="${RFC.token}", ` +
    `oauth_signature_method="${method}", oauth_timestamp="${RFC.timestamp}", oauth_nonce="${nonce}", ` +
    `oauth_signature="${encodeURIComponent(signature)}"`
  );
}

/**
 * The RFC request as the "server" sees it. oauthlib refuses its 1990s, 9-digit timestamp (it wants
 * exactly 10 digits within 600 s of now, hard-coded), so this one vector names it in
 * `accept_timestamp`, and it is plain http to a non-loopback host, hence `allow_http`.
 */
function rfcRequest(authorization: string, extra: Partial<OauthlibRequest> = {}): OauthlibRequest {
  return {
    method: 'GET',
    uri: RFC.uri,
    headers: { Host: 'photos.example.net', Authorization: authorization },
    body: null,
    consumer_key: RFC.consumerKey,
    client_secret: RFC.consumerSecret,
    resource_owner_key: RFC.token,
    resource_owner_secret: RFC.tokenSecret,
    signature_method: 'HMAC-SHA1',
    allow_http: true,
    accept_timestamp: RFC.timestamp,
    ...extra,
  };
}

describe('the oauthlib harness, on RFC 5849 §1.2', () => {
  it('has the RFC base string and signature right (checked with node:crypto)', () => {
    const key = `${RFC.consumerSecret}&${RFC.tokenSecret}`;
    expect(createHmac('sha1', key).update(rfcBaseString('HMAC-SHA1')).digest('base64')).toBe(RFC.signature);
  });

  it('refuses the RFC request with a wrong signature', async () => {
    const wrong = `${RFC.signature.slice(0, -2)}A=`;
    expect(await oauthlib.verify(rfcRequest(rfcAuthorization(wrong)))).toEqual({ valid: false, error: 'invalid signature' });
  });

  it('refuses the RFC request when the server knows a different token secret', async () => {
    const verdict = await oauthlib.verify(rfcRequest(rfcAuthorization(RFC.signature), { resource_owner_secret: 'not-the-secret' }));
    expect(verdict).toEqual({ valid: false, error: 'invalid signature' });
  });

  it('refuses the RFC request without the explicit timestamp exception (oauthlib wants 10 digits)', async () => {
    const verdict = await oauthlib.verify(rfcRequest(rfcAuthorization(RFC.signature), { accept_timestamp: undefined }));
    expect(verdict.valid).toBe(false);
    expect(verdict.error).toMatch(/Invalid timestamp size/);
  });

  it('refuses the RFC request over plain http to a non-loopback host unless allowed', async () => {
    const verdict = await oauthlib.verify(rfcRequest(rfcAuthorization(RFC.signature), { allow_http: false }));
    expect(verdict.valid).toBe(false);
    expect(verdict.error).toMatch(/insecure_transport/);
  });

  it('accepts the RFC request, once', async () => {
    const request = rfcRequest(rfcAuthorization(RFC.signature));
    expect(await oauthlib.verify(request)).toEqual({ valid: true });
    expect(await oauthlib.verify(request)).toEqual({ valid: false, error: 'nonce already used' });
  });

  it.each(['RSA-SHA1', 'RSA-SHA256'] as const)('verifies %s with a public key (hand-signed RFC request)', async (method) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const nonce = `chapoH${method.replace('-', '')}`; // not the HMAC test's nonce, already used
    const signature = sign(method === 'RSA-SHA1' ? 'sha1' : 'sha256', Buffer.from(rfcBaseString(method, nonce)), privateKey).toString('base64');
    const base = { signature_method: method, rsa_public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString() } as const;
    const tampered = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(await oauthlib.verify(rfcRequest(rfcAuthorization(tampered, method, nonce), base))).toEqual({ valid: false, error: 'invalid signature' });
    expect(await oauthlib.verify(rfcRequest(rfcAuthorization(signature, method, nonce), base))).toEqual({ valid: true });
  });
});

// ---------------------------------------------------------------------------------------------
// Signet's oauth1 credential.
// ---------------------------------------------------------------------------------------------

// Secrets with characters the HMAC key and PLAINTEXT signature must percent-encode.
const CONSUMER = { consumerKey: 'signet-interop-consumer', consumerSecret: 'kd94hf93k423kf44+/=&~%' };
const TOKEN = { token: 'signet-interop-token', tokenSecret: 'pfkkdhi9sl3r4s00 &/%' };
const ORIGIN = 'http://127.0.0.1:8080';
const FORM = 'application/x-www-form-urlencoded';

interface SignetCase {
  name: string;
  options: OAuth1Options & { consumerSecret: string; tokenSecret?: string; signatureMethod: 'HMAC-SHA1' | 'HMAC-SHA256' | 'PLAINTEXT' };
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** A query parameter (present in `url`) and the value a tampered copy gives it. */
  tamper: readonly [name: string, value: string];
}

const cases: SignetCase[] = [
  {
    name: 'GET, reserved characters in the query (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'GET',
    // Every gen-delim and sub-delim percent-encoded, and the sub-delims oauthlib allows raw.
    url: `${ORIGIN}/photos?reserved=${encodeURIComponent(":/?#[]@!$&'()*+,;=% ")}&raw=!$'()*,;:@/?&x=1`,
    tamper: ['x', '2'],
  },
  {
    name: 'GET, + ~ * and spaces in the query (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'GET',
    // A raw `+` is a space (form decoding, RFC 5849 §3.4.1.3.1); %2B is a plus.
    url: `${ORIGIN}/search?plus=a+b&encoded_plus=a%2Bb&tilde=~user&star=a*b&space=a%20b&~key*=v`,
    tamper: ['tilde', '~other'],
  },
  {
    name: 'GET, unicode in the query (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'GET',
    // new URL percent-encodes these as UTF-8.
    url: `${ORIGIN}/places?city=Zürich&word=日本語&emoji=🔑&ключ=значение&nfd=e\u0301`,
    tamper: ['city', 'Zurich'],
  },
  {
    name: 'GET, repeated keys and empty values (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'GET',
    url: `${ORIGIN}/list?a=2&a=1&a=10&b=&a=1&c&z=last`,
    tamper: ['z', 'first'],
  },
  {
    name: 'POST with a form body: the RFC 5849 §3.4.1.3.1 parameters (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'POST',
    url: `${ORIGIN}/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b`,
    headers: { 'content-type': FORM },
    body: 'c2&a3=2+q',
    tamper: ['a3', 'b'],
  },
  {
    name: 'POST with a form body: unicode, + and repeated keys (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1' },
    method: 'POST',
    url: `${ORIGIN}/statuses/update?page=2`,
    headers: { 'Content-Type': `${FORM}; charset=utf-8` },
    body: new URLSearchParams([
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request! ~*'],
      ['name', 'Zoë'],
      ['tag', 'b'],
      ['tag', 'a'],
    ]).toString(),
    tamper: ['page', '3'],
  },
  {
    name: 'GET, consumer only: no token (HMAC-SHA1)',
    options: { ...CONSUMER, signatureMethod: 'HMAC-SHA1' },
    method: 'GET',
    url: `${ORIGIN}/public?q=signet`,
    tamper: ['q', 'other'],
  },
  {
    name: 'GET, HMAC-SHA256 with a token',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA256' },
    method: 'GET',
    url: `${ORIGIN}/photos?file=vacation.jpg&size=original`,
    tamper: ['size', 'small'],
  },
  {
    name: 'POST with a form body, HMAC-SHA256, consumer only',
    options: { ...CONSUMER, signatureMethod: 'HMAC-SHA256' },
    method: 'POST',
    url: `${ORIGIN}/things?kind=new`,
    headers: { 'content-type': FORM },
    body: 'name=a%20thing&count=3',
    tamper: ['kind', 'old'],
  },
  {
    name: 'GET with a realm (HMAC-SHA1, token)',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'HMAC-SHA1', realm: 'Photos' },
    method: 'GET',
    url: `${ORIGIN}/photos?file=vacation.jpg`,
    tamper: ['file', 'other.jpg'],
  },
  {
    name: 'PLAINTEXT over https, with a token',
    options: { ...CONSUMER, ...TOKEN, signatureMethod: 'PLAINTEXT' },
    method: 'GET',
    url: 'https://api.example.test/photos?file=vacation.jpg',
    tamper: ['file', 'other.jpg'],
  },
  {
    name: 'PLAINTEXT over https, consumer only, with a realm',
    options: { ...CONSUMER, signatureMethod: 'PLAINTEXT', realm: 'Photos' },
    method: 'GET',
    url: 'https://api.example.test/public?q=1',
    tamper: ['q', '2'],
  },
];

/** Signs the case with Signet, with the real clock and nonces (oauthlib checks the timestamp against now). */
async function signWithSignet(c: SignetCase) {
  const credential = oauth1!(c.options);
  const request = {
    method: c.method,
    url: new URL(c.url),
    headers: new Headers(c.headers),
    body: c.body === undefined ? undefined : new TextEncoder().encode(c.body),
  };
  return credential.authorize(request, createAuthContext());
}

/** What the oauthlib "server" knows about the case's client and token. */
function serverSide(c: SignetCase): Omit<OauthlibRequest, 'method' | 'uri' | 'headers' | 'body'> {
  return {
    consumer_key: c.options.consumerKey,
    client_secret: c.options.consumerSecret,
    ...(c.options.token === undefined ? {} : { resource_owner_key: c.options.token, resource_owner_secret: c.options.tokenSecret ?? '' }),
    signature_method: c.options.signatureMethod,
  };
}

/** `uri` with the first `name` query parameter's value replaced; every other byte is kept. */
function withQueryValue(uri: string, name: string, value: string): string {
  const url = new URL(uri);
  const pairs = url.search.slice(1).split('&');
  const index = pairs.findIndex((pair) => decodeURIComponent(pair.split('=')[0]!.replaceAll('+', ' ')) === name);
  if (index < 0) throw new Error(`no query parameter ${name} in ${uri}`);
  pairs[index] = `${pairs[index]!.split('=')[0]}=${encodeURIComponent(value)}`;
  url.search = pairs.join('&');
  return url.href;
}

describe('Signet oauth1 → oauthlib', () => {
  it.each(cases)('oauthlib accepts: $name', async (c) => {
    const signed = await signWithSignet(c);
    expect(await oauthlib.verify({ ...wireRequest(signed), ...serverSide(c) })).toEqual({ valid: true });
  });

  it.each(cases.filter((c) => c.options.signatureMethod !== 'PLAINTEXT'))('oauthlib refuses a changed query value: $name', async (c) => {
    const signed = await signWithSignet(c);
    const sent = { ...wireRequest(signed), ...serverSide(c) };
    const tampered = { ...sent, uri: withQueryValue(sent.uri, ...c.tamper) };
    expect(tampered.uri).not.toBe(sent.uri);
    expect(await oauthlib.verify(tampered)).toEqual({ valid: false, error: 'invalid signature' });
    // The untampered request (same nonce: a refused request does not consume it) still passes.
    expect(await oauthlib.verify(sent)).toEqual({ valid: true });
  });

  // PLAINTEXT signs nothing of the request (RFC 5849 §3.4.4): changing the query cannot be
  // detected, so what must fail is a wrong secret.
  it.each(cases.filter((c) => c.options.signatureMethod === 'PLAINTEXT'))('oauthlib refuses PLAINTEXT with a wrong secret: $name', async (c) => {
    const signed = await signWithSignet(c);
    const verdict = await oauthlib.verify({ ...wireRequest(signed), ...serverSide(c), client_secret: 'not-the-secret' });
    expect(verdict).toEqual({ valid: false, error: 'invalid signature' });
  });

  it('oauthlib refuses a changed form body value', async () => {
    const c = cases.find((each) => each.body?.startsWith('status=') === true)!;
    const signed = await signWithSignet(c);
    const sent = { ...wireRequest(signed), ...serverSide(c) };
    const tampered = { ...sent, body: sent.body!.replace('name=Zo%C3%AB', 'name=Zoe') };
    expect(tampered.body).not.toBe(sent.body);
    expect(await oauthlib.verify(tampered)).toEqual({ valid: false, error: 'invalid signature' });
  });

  it('oauthlib refuses a replay of an accepted request', async () => {
    const c = cases[0]!;
    const sent = { ...wireRequest(await signWithSignet(c)), ...serverSide(c) };
    expect(await oauthlib.verify(sent)).toEqual({ valid: true });
    expect(await oauthlib.verify(sent)).toEqual({ valid: false, error: 'nonce already used' });
  });

  it('oauthlib refuses a request signed with a method the server does not allow', async () => {
    const c = cases.find((each) => each.options.signatureMethod === 'HMAC-SHA256')!;
    const verdict = await oauthlib.verify({ ...wireRequest(await signWithSignet(c)), ...serverSide(c), signature_method: 'HMAC-SHA1' });
    expect(verdict.valid).toBe(false);
    expect(verdict.error).toMatch(/invalid_signature_method/);
  });
});
