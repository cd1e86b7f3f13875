import { createHash, createHmac, createPublicKey, createVerify, webcrypto } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, type SignableRequest, SignetConfigError, type SignetEvent, utf8 } from '@signet/core';
import { buildBaseString, collectParameters, oauth1, type OAuth1Options, parseOAuth1Authorization } from '@signet/core/oauth1';
import { failureOf } from '../../support/failure-of.js';

const NOW = 1_700_000_000;
const context = (nowMs = NOW * 1000, events: SignetEvent[] = []) =>
  createAuthContext({ clock: createClock({ now: () => nowMs }), nonce: () => 'n0nce', onEvent: (e) => events.push(e) });
const request = (method = 'GET', url = 'https://api.example.com/v1/items?page=2', headers: Record<string, string> = {}, body?: string | Uint8Array): SignableRequest => ({
  method,
  url: new URL(url),
  headers: new Headers(headers),
  body: typeof body === 'string' ? utf8(body) : body,
});
const CLIENT = { consumerKey: 'ck', consumerSecret: 'cs&secret', token: 'tk', tokenSecret: 'ts secret' };

/** The sent parameters, and the base string a verifier rebuilds from the signed request. */
function received(signed: SignableRequest) {
  const auth = parseOAuth1Authorization(signed.headers.get('authorization')!.slice('OAuth '.length))!;
  const params = Object.fromEntries(auth.parameters);
  const parameters = collectParameters({ url: signed.url, contentType: signed.headers.get('content-type'), body: signed.body, protocolParameters: auth.parameters });
  return { params, realm: auth.realm, baseString: buildBaseString({ method: signed.method, url: signed.url, parameters }) };
}
// The signing key, encoded by hand per §3.6 (not with our encoder): "cs&secret" → cs%26secret, "ts secret" → ts%20secret.
const HMAC_KEY = 'cs%26secret&ts%20secret';

describe('oauth1(): signing', () => {
  test('is a body-reading credential that writes Authorization only', () => {
    const credential = oauth1(CLIENT);
    expect(credential).toMatchObject({ scheme: 'oauth1', requiresBody: true, sensitiveHeaders: ['authorization'], sensitiveQueryParams: [] });
  });

  test('HMAC-SHA1 by default, over the base string, keyed with both encoded secrets (checked with node:crypto)', async () => {
    const { params, baseString } = received(await oauth1(CLIENT).authorize(request(), context()));
    expect(params).toMatchObject({ oauth_consumer_key: 'ck', oauth_token: 'tk', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: String(NOW), oauth_nonce: 'n0nce' });
    expect(params).not.toHaveProperty('oauth_version');
    expect(params.oauth_signature).toBe(createHmac('sha1', HMAC_KEY).update(baseString).digest('base64'));
  });

  test('HMAC-SHA256', async () => {
    const { params, baseString } = received(await oauth1({ ...CLIENT, signatureMethod: 'HMAC-SHA256' }).authorize(request(), context()));
    expect(params.oauth_signature_method).toBe('HMAC-SHA256');
    expect(params.oauth_signature).toBe(createHmac('sha256', HMAC_KEY).update(baseString).digest('base64'));
  });

  test('PLAINTEXT sends the encoded secrets joined by "&" (§3.4.4), encoded once more in the header', async () => {
    const signed = await oauth1({ ...CLIENT, signatureMethod: 'PLAINTEXT' }).authorize(request(), context());
    expect(received(signed).params.oauth_signature).toBe(HMAC_KEY);
    expect(signed.headers.get('authorization')).toContain('oauth_signature="cs%2526secret%26ts%2520secret"');
  });

  test('two-legged: no token, and the key ends with "&"', async () => {
    const { params, baseString } = received(await oauth1({ consumerKey: 'ck', consumerSecret: 'cs' }).authorize(request(), context()));
    expect(params).not.toHaveProperty('oauth_token');
    expect(params.oauth_signature).toBe(createHmac('sha1', 'cs&').update(baseString).digest('base64'));
  });

  test('realm goes first and is not percent-encoded; includeVersion adds oauth_version="1.0"', async () => {
    const signed = await oauth1({ ...CLIENT, realm: 'Photos Realm', includeVersion: true }).authorize(request(), context());
    expect(signed.headers.get('authorization')).toMatch(/^OAuth realm="Photos Realm", oauth_consumer_key="ck", /);
    expect(received(signed).params.oauth_version).toBe('1.0');
  });

  test('uses the clock at signing time, in whole seconds', async () => {
    expect(received(await oauth1(CLIENT).authorize(request(), context(1_700_000_123_999))).params.oauth_timestamp).toBe('1700000123');
  });

  test('a form body is signed as parameters and gets no body hash, even with bodyHash on', async () => {
    const signed = await oauth1({ ...CLIENT, bodyHash: true }).authorize(request('POST', 'https://api.example.com/f', { 'content-type': 'application/x-www-form-urlencoded' }, 'z=last+one&a=1'), context());
    const { params, baseString } = received(signed);
    expect(params).not.toHaveProperty('oauth_body_hash');
    expect(baseString).toContain('%26z%3Dlast%2520one');
    expect(baseString).toMatch(/&a%3D1%26oauth_consumer_key/);
  });

  test('another body gets oauth_body_hash = base64 SHA-1 of the exact bytes, signed with the rest', async () => {
    const body = '{"status":"hello"}';
    const signed = await oauth1({ ...CLIENT, bodyHash: true }).authorize(request('POST', 'https://api.example.com/j', { 'content-type': 'application/json' }, body), context());
    const { params, baseString } = received(signed);
    expect(params.oauth_body_hash).toBe(createHash('sha1').update(body).digest('base64'));
    expect(baseString).toContain(`oauth_body_hash%3D${encodeURIComponent(encodeURIComponent(params.oauth_body_hash!))}`);
    expect(params.oauth_signature).toBe(createHmac('sha1', HMAC_KEY).update(baseString).digest('base64'));
  });

  test('without a body the hash is of zero bytes; with bodyHash off there is none', async () => {
    expect(received(await oauth1({ ...CLIENT, bodyHash: true }).authorize(request(), context())).params.oauth_body_hash).toBe('2jmj7l5rSw0yVb/vlWAYkK/YBwk=');
    expect(received(await oauth1(CLIENT).authorize(request('PUT', 'https://api.example.com/j', {}, 'x'), context())).params).not.toHaveProperty('oauth_body_hash');
  });

  test('does not mutate the request', async () => {
    const original = request('POST', 'https://api.example.com/f?b=1', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1');
    const href = original.url.href;
    await oauth1(CLIENT).authorize(original, context());
    expect(original.headers.has('authorization')).toBe(false);
    expect(original.url.href).toBe(href);
    expect(new TextDecoder().decode(original.body)).toBe('a=1');
  });
});

describe('oauth1(): RSA', () => {
  const generate = (hash: 'SHA-1' | 'SHA-256') =>
    webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash }, true, ['sign', 'verify']);

  test.each([
    ['RSA-SHA1', 'SHA-1', 'RSA-SHA1'],
    ['RSA-SHA256', 'SHA-256', 'RSA-SHA256'],
  ] as const)('%s with a JWK or a CryptoKey verifies with node:crypto', async (method, hash, nodeAlgorithm) => {
    const pair = await generate(hash);
    const jwk = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
    const publicKey = createPublicKey({ key: (await webcrypto.subtle.exportKey('jwk', pair.publicKey)) as never, format: 'jwk' });
    for (const privateKey of [jwk, pair.privateKey as CryptoKey]) {
      const { params, baseString } = received(await oauth1({ consumerKey: 'ck', signatureMethod: method, privateKey, token: 'tk' }).authorize(request(), context()));
      expect(params.oauth_signature_method).toBe(method);
      expect(createVerify(nodeAlgorithm).update(baseString).verify(publicKey, params.oauth_signature!, 'base64')).toBe(true);
    }
  });

  test('a CryptoKey imported for the other hash is refused up front', async () => {
    const pair = await generate('SHA-256');
    expectConfigError(() => oauth1({ consumerKey: 'ck', signatureMethod: 'RSA-SHA1', privateKey: pair.privateKey as CryptoKey }), 'privateKey', 'for SHA-1');
    expectConfigError(() => oauth1({ consumerKey: 'ck', signatureMethod: 'RSA-SHA256', privateKey: pair.publicKey as CryptoKey }), 'privateKey', 'must be the private key');
  });
});

function expectConfigError(fn: () => unknown, field: string, message: string): void {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SignetConfigError);
  expect(error).toMatchObject({ code: 'invalid_option', field });
  expect((error as Error).message).toContain(message);
}

describe('oauth1(): options', () => {
  test.each([
    [{}, 'consumerKey', 'must be a string'],
    [{ consumerKey: '' }, 'consumerKey', 'must not be empty'],
    [{ consumerKey: 'ck' }, 'consumerSecret', 'is required for HMAC-SHA1'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', signatureMethod: 'HMAC-MD5' }, 'signatureMethod', 'must be one of HMAC-SHA1, HMAC-SHA256, RSA-SHA1, RSA-SHA256, PLAINTEXT'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', signatureMethod: 'hmac-sha1' }, 'signatureMethod', 'must be one of'],
    [{ consumerKey: 'ck', signatureMethod: 'RSA-SHA1' }, 'privateKey', 'is required for RSA-SHA1'],
    [{ consumerKey: 'ck', signatureMethod: 'RSA-SHA256', privateKey: { kty: 'RSA', n: 'x', e: 'AQAB' } }, 'privateKey', 'must be the private key'],
    [{ consumerKey: 'ck', signatureMethod: 'RSA-SHA256', privateKey: { kty: 'EC' } }, 'privateKey', 'must be an RSA JWK'],
    [{ consumerKey: 'ck', signatureMethod: 'RSA-SHA256', privateKey: 'pem text' }, 'privateKey', 'a CryptoKey or a JWK'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', privateKey: { kty: 'RSA' } }, 'privateKey', 'is only used by RSA-SHA1 and RSA-SHA256'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', token: 'tk' }, 'tokenSecret', 'is required with token'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', tokenSecret: 'ts' }, 'tokenSecret', 'is given without token'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', realm: 'a"b' }, 'realm', 'without quotes'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', bodyHash: 'yes' }, 'bodyHash', 'must be true or false'],
    [{ consumerKey: 'ck', consumerSecret: 'cs', callback: '' }, 'callback', 'must not be empty'],
    [{ consumerKey: 'ck', consumerSecret: 'c\ns' }, 'consumerSecret', 'control characters'],
  ])('refuses %j, naming %s', (options, field, message) => {
    expectConfigError(() => oauth1(options as OAuth1Options), field, message);
  });

  test('no secret appears in any error', () => {
    const attempts: Array<() => unknown> = [
      () => oauth1({ consumerKey: 'ck', consumerSecret: 'CANARY-consumer\u0001', token: 't', tokenSecret: 'x' }),
      () => oauth1({ consumerKey: 'ck', consumerSecret: 'CANARY-consumer', token: 't', tokenSecret: 'CANARY-token\n' }),
      () => oauth1({ consumerKey: 'ck', consumerSecret: 'CANARY-consumer', signatureMethod: 'NOPE' as never }),
      () => oauth1({ consumerKey: 'ck', signatureMethod: 'RSA-SHA1', privateKey: { kty: 'RSA', n: 'CANARY-n', e: 'AQAB', d: 'CANARY-d', use: 'enc' } }),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        attempt();
      } catch (caught) {
        error = caught;
      }
      if (error === undefined) continue; // the RSA JWK is only imported on first use
      for (const text of [(error as Error).message, String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: Infinity })]) {
        expect(text).not.toContain('CANARY');
      }
    }
  });

  test('a JWK that cannot be imported fails on first use with a credential error that quotes no key material', async () => {
    const credential = oauth1({ consumerKey: 'ck', signatureMethod: 'RSA-SHA1', privateKey: { kty: 'RSA', n: 'CANARY', e: 'AQAB', d: 'CANARY-d' } });
    const error = await failureOf(() => credential.authorize(request(), context()));
    expect(error).toMatchObject({ code: 'credential_unavailable', scheme: 'oauth1' });
    expect((error as Error).message).toBe('oauth1: privateKey: the RSA key could not be imported (is it a complete RSA JWK?)');
    expect(inspect(error, { depth: Infinity })).not.toContain('CANARY');
  });
});

describe('oauth1(): clock skew', () => {
  const challenge = (serverTime: number) => ({
    status: 401,
    headers: new Headers({ 'www-authenticate': `OAuth realm="signet", error="timestamp_skew", server_time="${serverTime}"` }),
  });

  test('a skew challenge moves the shared clock and asks for one re-sign, which uses the corrected time', async () => {
    const events: SignetEvent[] = [];
    const slow = context((NOW - 600) * 1000, events);
    const credential = oauth1(CLIENT);
    const signed = await credential.authorize(request(), slow);
    expect(await credential.onResponse!(challenge(NOW), signed, slow)).toBe('retry');
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted']);
    expect(received(await credential.authorize(request(), slow)).params.oauth_timestamp).toBe(String(NOW));
  });

  test('other responses, and a challenge that changes nothing, ask for nothing', async () => {
    const ctx = context();
    const credential = oauth1(CLIENT);
    const signed = await credential.authorize(request(), ctx);
    expect(await credential.onResponse!({ status: 401, headers: new Headers({ 'www-authenticate': 'OAuth realm="signet"' }) }, signed, ctx)).toBeUndefined();
    expect(await credential.onResponse!({ status: 200, headers: new Headers() }, signed, ctx)).toBeUndefined();
    expect(await credential.onResponse!(challenge(NOW), signed, ctx)).toBeUndefined();
  });
});
