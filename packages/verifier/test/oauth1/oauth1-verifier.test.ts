import { webcrypto } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, type NonceStore, type SignableRequest, utf8 } from '@signet/core';
import { oauth1, type OAuth1Options } from '@signet/core/oauth1';
import { createVerifier, type OAuth1Policy } from '@signet/verifier';
import { expectConfigError, renderings, thrownBy } from '../support/config-error.js';

const NOW = 1_700_000_000;
const CONSUMER = { consumerKey: 'ck', consumerSecret: 'consumer-secret', token: 'tk', tokenSecret: 'token-secret' };
const POLICY: OAuth1Policy = { consumers: { ck: 'consumer-secret' }, tokens: { tk: 'token-secret' } };
const verifierAt = (seconds: number, policy: OAuth1Policy = POLICY) => createVerifier({ now: () => seconds * 1000, oauth1: policy });

let nonceCount = 0;
async function sign(options: OAuth1Options, init: { method?: string; url?: string; headers?: Record<string, string>; body?: string } = {}, signedAt = NOW): Promise<Request> {
  const request: SignableRequest = {
    method: init.method ?? 'GET',
    url: new URL(init.url ?? 'https://api.example.com/v1/items?b=2&a=1'),
    headers: new Headers(init.headers),
    body: init.body === undefined ? undefined : utf8(init.body),
  };
  const context = createAuthContext({ clock: createClock({ now: () => signedAt * 1000 }), nonce: () => `nonce-${++nonceCount}` });
  const signed = await credentialFor(options).authorize(request, context);
  return new Request(signed.url, { method: signed.method, headers: signed.headers, body: init.body ?? null });
}
const credentials = new Map<OAuth1Options, ReturnType<typeof oauth1>>();
const credentialFor = (options: OAuth1Options) => credentials.get(options) ?? credentials.set(options, oauth1(options)).get(options)!;
const withAuthorization = (request: Request, edit: (value: string) => string) => {
  const headers = new Headers(request.headers);
  headers.set('authorization', edit(headers.get('authorization')!));
  return new Request(request.url, { method: request.method, headers });
};

describe('oauth1 verifier: published vector', () => {
  test('accepts the RFC 5849 §1.2 protected resource request as printed', async () => {
    const verifier = createVerifier({
      now: () => 137131202_000,
      realm: 'Photos',
      oauth1: { consumers: { dpf43f3p2l4k3l03: 'kd94hf93k423kf44' }, tokens: { nnch734d00sl2jdk: 'pfkkdhi9sl3r4s00' } },
    });
    // As printed, line breaks and all: LWS after each comma is allowed by §3.5.1.
    const authorization = [
      'OAuth realm="Photos",',
      '   oauth_consumer_key="dpf43f3p2l4k3l03",',
      '   oauth_token="nnch734d00sl2jdk",',
      '   oauth_signature_method="HMAC-SHA1",',
      '   oauth_timestamp="137131202",',
      '   oauth_nonce="chapoH",',
      '   oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    ].join(' ');
    const request = new Request('http://photos.example.net/photos?file=vacation.jpg&size=original', { headers: { authorization } });
    expect(await verifier.verify(request)).toEqual({ ok: true, scheme: 'oauth1', identity: 'dpf43f3p2l4k3l03' });
    expect(await verifier.verify(request)).toMatchObject({ ok: false, reason: 'nonce_replay' });
  });
});

describe('oauth1 verifier: what it accepts', () => {
  test.each([
    ['HMAC-SHA1 with a token', CONSUMER],
    ['HMAC-SHA256', { ...CONSUMER, signatureMethod: 'HMAC-SHA256' as const }],
    ['two-legged', { consumerKey: 'ck', consumerSecret: 'consumer-secret' }],
    ['a realm and oauth_version', { ...CONSUMER, realm: 'signet', includeVersion: true }],
  ])('%s', async (_, options) => {
    expect(await verifierAt(NOW).verify(await sign(options))).toEqual({ ok: true, scheme: 'oauth1', identity: 'ck' });
  });

  test('a form body is signed: accepted as sent, refused when a parameter changes', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=Hello+Ladies+%2B+Gentlemen&a=1' };
    const signed = await sign(CONSUMER, init);
    expect(await verifierAt(NOW).verify(signed)).toMatchObject({ ok: true });
    const tampered = await sign(CONSUMER, init);
    const changed = new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: 'status=Hello+Ladies+%2B+Gentlemen&a=2' });
    expect(await verifierAt(NOW).verify(changed)).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  test('oauth_body_hash: accepted when it matches, digest_mismatch when the body changed', async () => {
    const options = { ...CONSUMER, bodyHash: true };
    const init = { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
    expect(await verifierAt(NOW).verify(await sign(options, init))).toMatchObject({ ok: true });
    const signed = await sign(options, init);
    const changed = new Request(signed.url, { method: 'PUT', headers: signed.headers, body: '{"a":2}' });
    expect(await verifierAt(NOW).verify(changed)).toMatchObject({ ok: false, reason: 'digest_mismatch', status: 401 });
  });

  test('requireBodyHash refuses a non-form request without oauth_body_hash', async () => {
    const strict = verifierAt(NOW, { ...POLICY, requireBodyHash: true });
    expect(await strict.verify(await sign(CONSUMER, { method: 'POST', body: 'x' }))).toMatchObject({ ok: false, reason: 'missing_component' });
    expect(await strict.verify(await sign({ ...CONSUMER, bodyHash: true }, { method: 'POST', body: 'x' }))).toMatchObject({ ok: true });
  });

  test('a rotated consumer secret: old and new both accepted', async () => {
    const verifier = verifierAt(NOW, { consumers: { ck: ['new-secret', 'consumer-secret'] }, tokens: POLICY.tokens });
    expect(await verifier.verify(await sign(CONSUMER))).toMatchObject({ ok: true });
    expect(await verifier.verify(await sign({ ...CONSUMER, consumerSecret: 'new-secret' }))).toMatchObject({ ok: true });
    expect(await verifier.verify(await sign({ ...CONSUMER, consumerSecret: 'other-secret' }))).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  test('PLAINTEXT only when allowed', async () => {
    const options = { ...CONSUMER, signatureMethod: 'PLAINTEXT' as const };
    expect(await verifierAt(NOW).verify(await sign(options))).toMatchObject({ ok: false, reason: 'unsupported_algorithm' });
    expect(await verifierAt(NOW, { ...POLICY, signatureMethods: ['PLAINTEXT'] }).verify(await sign(options))).toMatchObject({ ok: true });
    expect(await verifierAt(NOW, { ...POLICY, signatureMethods: ['PLAINTEXT'] }).verify(await sign({ ...options, tokenSecret: 'wrong' }))).toMatchObject({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  test.each(['RSA-SHA1', 'RSA-SHA256'] as const)('%s with the public key as a JWK or a CryptoKey', async (method) => {
    const hash = method === 'RSA-SHA1' ? 'SHA-1' : 'SHA-256';
    const pair = await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash }, true, ['sign', 'verify']);
    const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
    const signed = () => sign({ consumerKey: 'rsa-client', signatureMethod: method, privateKey: pair.privateKey as CryptoKey });
    for (const publicKey of [jwk, pair.publicKey as CryptoKey]) {
      const verifier = verifierAt(NOW, { rsaPublicKeys: { 'rsa-client': publicKey }, signatureMethods: [method] });
      expect(await verifier.verify(await signed())).toEqual({ ok: true, scheme: 'oauth1', identity: 'rsa-client' });
      expect(await verifier.verify(withAuthorization(await signed(), (v) => v.replace(/oauth_signature="[^"]{8}/, 'oauth_signature="AAAAAAAA')))).toMatchObject({
        reason: 'signature_mismatch',
      });
    }
  });

  test('an RSA request with a token the verifier did not issue is unknown_key; one it issued passes', async () => {
    const pair = await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const verifier = verifierAt(NOW, { rsaPublicKeys: { 'rsa-client': pair.publicKey as CryptoKey }, tokens: { 'issued-token': 'unused-by-rsa' }, signatureMethods: ['RSA-SHA256'] });
    const withToken = (token: string) => sign({ consumerKey: 'rsa-client', signatureMethod: 'RSA-SHA256', privateKey: pair.privateKey as CryptoKey, token });
    expect(await verifier.verify(await withToken('made-up-token'))).toMatchObject({ ok: false, reason: 'unknown_key' });
    expect(await verifier.verify(await withToken('issued-token'))).toEqual({ ok: true, scheme: 'oauth1', identity: 'rsa-client' });
  });

  test('a token bound to a consumer is refused from any other consumer', async () => {
    const pair = await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const verifier = verifierAt(NOW, {
      rsaPublicKeys: { 'rsa-client': pair.publicKey as CryptoKey, 'rsa-other': pair.publicKey as CryptoKey },
      tokens: { 'alice-token': 'unused-by-rsa' },
      tokenConsumers: { 'alice-token': 'rsa-client' },
      signatureMethods: ['RSA-SHA256'],
    });
    const as = (consumerKey: string) => sign({ consumerKey, signatureMethod: 'RSA-SHA256', privateKey: pair.privateKey as CryptoKey, token: 'alice-token' });
    expect(await verifier.verify(await as('rsa-client'))).toMatchObject({ ok: true, identity: 'rsa-client' });
    expect(await verifier.verify(await as('rsa-other'))).toMatchObject({ ok: false, reason: 'unknown_key' });
  });

  test('tokenConsumers is checked at construction', () => {
    expect(() => verifierAt(NOW, { tokens: { t: 's' }, tokenConsumers: { other: 'ck' } })).toThrow(/oauth1\.tokenConsumers\.other: names a token that is not in oauth1\.tokens/);
    expect(() => verifierAt(NOW, { tokens: { t: 's' }, tokenConsumers: { t: '' } })).toThrow(/oauth1\.tokenConsumers\.t: must be a consumer key/);
  });
});

describe('oauth1 verifier: reasons', () => {
  test('timestamp outside the tolerance: the challenge carries the server time', async () => {
    const result = await verifierAt(NOW + 301).verify(await sign(CONSUMER));
    expect(result).toEqual({ ok: false, scheme: 'oauth1', reason: 'timestamp_skew', status: 401, challenge: `OAuth realm="signet", error="timestamp_skew", server_time="${NOW + 301}"` });
    expect(await verifierAt(NOW - 300).verify(await sign(CONSUMER))).toMatchObject({ ok: true });
  });

  test.each([
    ['a parameter twice', (v: string) => `${v}, oauth_nonce="again"`],
    ['no nonce', (v: string) => v.replace(/oauth_nonce="[^"]*", /, '')],
    ['no timestamp', (v: string) => v.replace(/oauth_timestamp="[^"]*", /, '')],
    ['a timestamp that is not a number', (v: string) => v.replace(/oauth_timestamp="\d+"/, 'oauth_timestamp="1e9"')],
    ['oauth_version 2.0', (v: string) => `${v}, oauth_version="2.0"`],
    ['an unquoted value', (v: string) => v.replace(/oauth_nonce="([^"]*)"/, 'oauth_nonce=$1')],
    ['an empty token', (v: string) => v.replace(/oauth_token="[^"]*"/, 'oauth_token=""')],
  ])('%s → malformed_credentials', async (_, edit) => {
    expect(await verifierAt(NOW).verify(withAuthorization(await sign(CONSUMER), edit))).toMatchObject({ ok: false, reason: 'malformed_credentials' });
  });

  test('unknown consumer, unknown token → unknown_key; a method not allowed → unsupported_algorithm', async () => {
    expect(await verifierAt(NOW).verify(await sign({ ...CONSUMER, consumerKey: 'who' }))).toMatchObject({ reason: 'unknown_key' });
    expect(await verifierAt(NOW).verify(await sign({ ...CONSUMER, token: 'stolen' }))).toMatchObject({ reason: 'unknown_key' });
    expect(await verifierAt(NOW, { consumers: POLICY.consumers }).verify(await sign(CONSUMER))).toMatchObject({ reason: 'unknown_key' });
    expect(await verifierAt(NOW, { ...POLICY, signatureMethods: ['HMAC-SHA256'] }).verify(await sign(CONSUMER))).toMatchObject({ reason: 'unsupported_algorithm' });
  });

  test('a body hash on a form body is malformed (the extension forbids it)', async () => {
    const signed = await sign({ ...CONSUMER, bodyHash: true }, { method: 'POST', body: 'a=1' });
    const asForm = new Request(signed.url, { method: 'POST', headers: { ...Object.fromEntries(signed.headers), 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(await verifierAt(NOW).verify(asForm)).toMatchObject({ reason: 'malformed_credentials' });
  });

  test('a forged request does not use up the nonce of the real one', async () => {
    const verifier = verifierAt(NOW);
    const real = await sign(CONSUMER);
    const forged = withAuthorization(real, (v) => v.replace(/oauth_signature="[^"]*"/, 'oauth_signature="Zm9yZ2Vk"'));
    expect(await verifier.verify(forged)).toMatchObject({ reason: 'signature_mismatch' });
    expect(await verifier.verify(real)).toMatchObject({ ok: true });
    expect(await verifier.verify(real)).toMatchObject({ ok: false, reason: 'nonce_replay' });
  });

  test('the nonce key is consumerKey:token:timestamp:nonce; a full store refuses with 503', async () => {
    const keys: Array<[string, number]> = [];
    const store: NonceStore = { claim: async (key, expiresAtMs) => (keys.push([key, expiresAtMs]), 'full') };
    const result = await verifierAt(NOW, { ...POLICY, nonceStore: store }).verify(await sign(CONSUMER));
    expect(result).toMatchObject({ ok: false, reason: 'nonce_store_full', status: 503 });
    expect(keys).toEqual([[`ck:tk:${NOW}:nonce-${nonceCount}`, (NOW + 301) * 1000]]);
  });

  test('a request without OAuth is left to other schemes; the challenge lists OAuth', async () => {
    const result = await verifierAt(NOW).verify(new Request('https://api.example.com/', { headers: { authorization: 'Bearer x' } }));
    expect(result).toEqual({ ok: false, scheme: undefined, reason: 'unsupported_scheme', status: 401, challenge: 'OAuth realm="signet"' });
  });
});

describe('oauth1 verifier: policy', () => {
  test.each([
    [{}, 'oauth1.consumers', 'oauth1.consumers: must configure at least one consumer (or oauth1.rsaPublicKeys)'],
    [{ consumers: {} }, 'oauth1.consumers', 'oauth1.consumers: must configure at least one identity'],
    [{ consumers: { ck: 's' }, tokens: { t: ['a', 'b'] } }, 'oauth1.tokens.t', 'oauth1.tokens.t: must be one secret: a token has exactly one'],
    [{ consumers: { ck: 's' }, signatureMethods: ['HMAC-MD5'] }, 'oauth1.signatureMethods[0]', 'oauth1.signatureMethods[0]: must be one of HMAC-SHA1, HMAC-SHA256, RSA-SHA1, RSA-SHA256, PLAINTEXT'],
    [{ consumers: { ck: 's' }, signatureMethods: [] }, 'oauth1.signatureMethods', 'oauth1.signatureMethods: must be a non-empty array of signature methods'],
    [{ consumers: { ck: 's' }, signatureMethods: ['RSA-SHA1'] }, 'oauth1.signatureMethods[0]', 'oauth1.signatureMethods[0]: RSA-SHA1 needs oauth1.rsaPublicKeys'],
    [{ rsaPublicKeys: { ck: { kty: 'RSA', n: 'x', e: 'AQAB' } } }, 'oauth1.signatureMethods[0]', 'oauth1.signatureMethods[0]: HMAC-SHA1 needs oauth1.consumers'],
    [{ rsaPublicKeys: { ck: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' } }, signatureMethods: ['RSA-SHA1'] }, 'oauth1.rsaPublicKeys.ck', 'oauth1.rsaPublicKeys.ck: must be the public key only: remove d (a verifier never needs the private key)'],
    [{ consumers: { ck: 's' }, toleranceSeconds: 0 }, 'oauth1.toleranceSeconds', 'oauth1.toleranceSeconds: must be a positive integer'],
    [{ consumers: { ck: 's' }, nonceStore: {} }, 'oauth1.nonceStore', 'oauth1.nonceStore: must be a NonceStore (an object with claim(key, expiresAtMs))'],
  ])('refuses %j', (policy, field, message) => {
    expectConfigError(() => createVerifier({ oauth1: policy as OAuth1Policy }), field, message);
  });

  test('no secret appears in a policy error', () => {
    const error = thrownBy(() => createVerifier({ oauth1: { consumers: { ck: 'CANARY-secret\n' } } }));
    for (const text of renderings(error)) expect(text).not.toContain('CANARY');
    const tokenError = thrownBy(() => createVerifier({ oauth1: { consumers: { ck: 's' }, tokens: { t: ['CANARY-1', 'CANARY-2'] as never } } }));
    for (const text of renderings(tokenError)) expect(text).not.toContain('CANARY');
  });
});
