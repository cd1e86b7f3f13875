import { apiKey, basic, platformCrypto, secret, type SignetCrypto } from '@signet/core';
import { describe, expect, test } from 'vitest';
import { createVerifier, type VerificationResult } from '@signet/verifier';
import { expectConfigError } from './support/config-error.js';
import { basicHeader, basicHeaderOfBytes, request, signedRequest } from './support/client.js';

const ORIGIN = 'https://api.example.test';
const API_KEY_CHALLENGE = 'ApiKey realm="signet"';
const BASIC_CHALLENGE = 'Basic realm="signet", charset="UTF-8"';
const BOTH_CHALLENGES = `${API_KEY_CHALLENGE}, ${BASIC_CHALLENGE}`;

const refused = (scheme: 'api-key' | 'basic' | undefined, reason: string, challenge: string): VerificationResult =>
  ({ ok: false, scheme, reason, status: 401, challenge }) as VerificationResult;

describe('createVerifier: configuration', () => {
  test('at least one scheme must be configured', () => {
    expectConfigError(() => createVerifier({}), 'policy', 'policy: configure at least one scheme (apiKey, basic, hmac, oauth1, httpSignature, webhook)');
    expectConfigError(() => createVerifier({ realm: 'partners' }), 'policy', 'policy: configure at least one scheme (apiKey, basic, hmac, oauth1, httpSignature, webhook)');
  });

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'apiKey'],
  ])('the policy must be an options object, not %s', (_name, policy) => {
    expectConfigError(() => createVerifier(policy as never), 'createVerifier(policy)', 'createVerifier(policy): must be an options object');
  });
});

describe('API key in the Authorization header (default)', () => {
  const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' } } });

  test('accepts `Authorization: ApiKey <key>` and names the client', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test.each(['apikey', 'APIKEY', 'aPiKeY'])('the scheme word is case-insensitive (RFC 9110 §11.1): %s', async (word) => {
    expect(await verifier.verify(request({ authorization: `${word} key-billing-1` }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('the key itself is case-sensitive', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey KEY-BILLING-1' }))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });

  test('extra spaces between scheme word and key are tolerated', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey    key-billing-1' }))).toMatchObject({ ok: true, identity: 'billing' });
  });

  test('round trip with the client apiKey() credential from @signet/core', async () => {
    const signed = await signedRequest(apiKey({ key: 'key-billing-1' }), `${ORIGIN}/v1/things`);
    expect(signed.headers.get('authorization')).toBe('ApiKey key-billing-1');
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('an unknown key: unknown_key, 401 and an ApiKey challenge', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-nobody' }))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });

  test.each([
    ['a prefix of a valid key', 'key-billing-'],
    ['a valid key with a suffix', 'key-billing-10'],
    ['a valid key twice', 'key-billing-1key-billing-1'],
  ])('%s is an unknown key', async (_name, key) => {
    expect(await verifier.verify(request({ authorization: `ApiKey ${key}` }))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });

  test.each([
    ['nothing after the scheme word', 'ApiKey'],
    ['only spaces after the scheme word', 'ApiKey    '],
  ])('an empty key is malformed: %s', async (_name, authorization) => {
    expect(await verifier.verify(request({ authorization }))).toEqual(refused('api-key', 'malformed_credentials', API_KEY_CHALLENGE));
  });

  test('no credentials: missing_credentials', async () => {
    expect(await verifier.verify(request())).toEqual(refused(undefined, 'missing_credentials', API_KEY_CHALLENGE));
  });

  test('a Basic header is refused by an api-key-only verifier, even when its password is a valid key', async () => {
    // A credential is present, but of a scheme this verifier does not accept.
    const result = await verifier.verify(request({ authorization: basicHeader('billing:key-billing-1') }));
    expect(result).toEqual(refused(undefined, 'unsupported_scheme', API_KEY_CHALLENGE));
  });

  test('another scheme word carrying a valid key is refused', async () => {
    expect(await verifier.verify(request({ authorization: 'Bearer key-billing-1' }))).toMatchObject({ ok: false, status: 401, challenge: API_KEY_CHALLENGE });
  });

  test('a valid key in another header is not looked at', async () => {
    expect(await verifier.verify(request({ 'x-api-key': 'key-billing-1' }))).toEqual(refused(undefined, 'missing_credentials', API_KEY_CHALLENGE));
  });

  test('the realm is configurable, and quotes and backslashes cannot break out of it', async () => {
    const partners = createVerifier({ realm: 'partners', apiKey: { clients: { billing: 'k' } } });
    expect(await partners.verify(request())).toMatchObject({ challenge: 'ApiKey realm="partners"' });
    // RFC 9110 §5.6.4: inside a quoted-string, " and \ are escaped as quoted-pairs.
    const hostile = createVerifier({ realm: 'a"b\\c', apiKey: { clients: { billing: 'k' } } });
    expect(await hostile.verify(request())).toMatchObject({ challenge: 'ApiKey realm="a\\"b\\\\c"' });
  });

  test.each([
    ['a newline', 'a\nb', 'realm: must not contain control characters at index 1'],
    ['non-ASCII', 'réalm', 'realm: must be visible ASCII (it is sent in the WWW-Authenticate header)'],
    ['a number', 42, 'realm: must be a string'],
  ])('a realm with %s is refused at construction', (_name, realm, message) => {
    expectConfigError(() => createVerifier({ realm: realm as never, apiKey: { clients: { billing: 'k' } } }), 'realm', message);
  });
});

describe('API key in a custom header', () => {
  const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' }, header: 'X-API-Key' } });

  test('accepts the bare key in X-API-Key', async () => {
    expect(await verifier.verify(request({ 'X-API-Key': 'key-billing-1' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('round trip with apiKey({ header: "X-API-Key" })', async () => {
    const signed = await signedRequest(apiKey({ key: 'key-billing-1', header: 'X-API-Key' }), `${ORIGIN}/v1/things`);
    expect(signed.headers.get('x-api-key')).toBe('key-billing-1');
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('an unknown key in the header', async () => {
    expect(await verifier.verify(request({ 'x-api-key': 'key-nobody' }))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });

  test('an empty header is malformed', async () => {
    expect(await verifier.verify(request({ 'x-api-key': '' }))).toEqual(refused('api-key', 'malformed_credentials', API_KEY_CHALLENGE));
  });

  test('the key in `Authorization: ApiKey` is refused when the policy names another header', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toMatchObject({ ok: false, status: 401, challenge: API_KEY_CHALLENGE });
  });

  test('no header: missing_credentials', async () => {
    expect(await verifier.verify(request())).toEqual(refused(undefined, 'missing_credentials', API_KEY_CHALLENGE));
  });
});

describe('API key in a query parameter', () => {
  const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1', odd: 'a+b/c=d&e f' }, query: 'api_key' } });

  test('accepts ?api_key=<key>', async () => {
    expect(await verifier.verify(request({}, `${ORIGIN}/v1/things?page=2&api_key=key-billing-1`))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('round trip with apiKey({ query }), with characters that must be percent-encoded', async () => {
    const signed = await signedRequest(apiKey({ key: 'a+b/c=d&e f', query: 'api_key' }), `${ORIGIN}/v1/things?page=2`);
    expect(new URL(signed.url).search).not.toContain('a+b/c=d&e f');
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'api-key', identity: 'odd' });
  });

  test('an unknown key in the query', async () => {
    expect(await verifier.verify(request({}, `${ORIGIN}/?api_key=nope`))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });

  test('an empty query value is malformed', async () => {
    expect(await verifier.verify(request({}, `${ORIGIN}/?api_key=`))).toEqual(refused('api-key', 'malformed_credentials', API_KEY_CHALLENGE));
  });

  test('the key under another parameter name is missing', async () => {
    expect(await verifier.verify(request({}, `${ORIGIN}/?apikey=key-billing-1`))).toEqual(refused(undefined, 'missing_credentials', API_KEY_CHALLENGE));
  });

  test('the key in a header is refused when the policy says query', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toMatchObject({ ok: false, status: 401 });
    expect(await verifier.verify(request({ 'x-api-key': 'key-billing-1' }))).toEqual(refused(undefined, 'missing_credentials', API_KEY_CHALLENGE));
  });
});

describe('API key with a custom scheme word', () => {
  const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' }, scheme: 'Token' } });

  test('accepts `Authorization: Token <key>` in any case', async () => {
    expect(await verifier.verify(request({ authorization: 'Token key-billing-1' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
    expect(await verifier.verify(request({ authorization: 'TOKEN key-billing-1' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('round trip with apiKey({ scheme: "Token" })', async () => {
    const signed = await signedRequest(apiKey({ key: 'key-billing-1', scheme: 'Token' }), `${ORIGIN}/`);
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });

  test('the default word ApiKey is no longer accepted, and the challenge names Token', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toMatchObject({ ok: false, status: 401, challenge: 'Token realm="signet"' });
    expect(await verifier.verify(request({ authorization: 'Token nope' }))).toEqual(refused('api-key', 'unknown_key', 'Token realm="signet"'));
  });
});

describe('API key rotation and several clients', () => {
  const verifier = createVerifier({
    apiKey: { clients: { billing: ['key-billing-new', secret('key-billing-old')], reports: 'key-reports', audit: secret('key-audit') } },
  });

  test.each([
    ['key-billing-new', 'billing'],
    ['key-billing-old', 'billing'],
    ['key-reports', 'reports'],
    ['key-audit', 'audit'],
  ])('%s identifies %s', async (key, identity) => {
    expect(await verifier.verify(request({ authorization: `ApiKey ${key}` }))).toEqual({ ok: true, scheme: 'api-key', identity });
  });

  test('a client id is not a key', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey billing' }))).toEqual(refused('api-key', 'unknown_key', API_KEY_CHALLENGE));
  });
});

describe('Basic', () => {
  test('RFC 7617 §2 vector: the literal header is accepted', async () => {
    const verifier = createVerifier({ basic: { users: { Aladdin: 'open sesame' } } });
    expect(await verifier.verify(request({ authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }))).toEqual({ ok: true, scheme: 'basic', identity: 'Aladdin' });
    expect(await verifier.verify(request({ authorization: 'basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }))).toEqual({ ok: true, scheme: 'basic', identity: 'Aladdin' });
  });

  test('RFC 7617 §2 vector: the client basic() sends exactly that header, and it verifies', async () => {
    const verifier = createVerifier({ basic: { users: { Aladdin: 'open sesame' } } });
    const signed = await signedRequest(basic({ username: 'Aladdin', password: 'open sesame' }), `${ORIGIN}/`);
    expect(signed.headers.get('authorization')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'basic', identity: 'Aladdin' });
  });

  test('RFC 7617 §2.1 UTF-8 vector: user "test", password "123£"', async () => {
    const verifier = createVerifier({ basic: { users: { test: '123\u00a3' } } });
    expect(await verifier.verify(request({ authorization: 'Basic dGVzdDoxMjPCow==' }))).toEqual({ ok: true, scheme: 'basic', identity: 'test' });
    const signed = await signedRequest(basic({ username: 'test', password: '123\u00a3' }), `${ORIGIN}/`);
    expect(signed.headers.get('authorization')).toBe('Basic dGVzdDoxMjPCow==');
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'basic', identity: 'test' });
  });

  test('the ISO-8859-1 form of the §2.1 vector is malformed, not a wrong password', async () => {
    const verifier = createVerifier({ basic: { users: { test: '123\u00a3' } } });
    expect(await verifier.verify(request({ authorization: 'Basic dGVzdDoxMjOj' }))).toEqual(refused('basic', 'malformed_credentials', BASIC_CHALLENGE));
  });

  describe('NFC normalization (RFC 7617 §2.1)', () => {
    const verifier = createVerifier({ basic: { users: { 'Jos\u00e9': 'caf\u00e9' } } });

    test('decomposed user-id and password sent as raw bytes are accepted; the identity is the configured NFC form', async () => {
      const result = await verifier.verify(request({ authorization: basicHeader('Jose\u0301:cafe\u0301') }));
      expect(result).toEqual({ ok: true, scheme: 'basic', identity: 'Jos\u00e9' });
    });

    test('the client basic() given decomposed input is accepted', async () => {
      const signed = await signedRequest(basic({ username: 'Jose\u0301', password: 'cafe\u0301' }), `${ORIGIN}/`);
      expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'basic', identity: 'Jos\u00e9' });
    });

    test('a user-id configured decomposed is matched by a precomposed one', async () => {
      const decomposed = createVerifier({ basic: { users: { 'Jose\u0301': 'pw' } } });
      expect(await decomposed.verify(request({ authorization: basicHeader('Jos\u00e9:pw') }))).toEqual({ ok: true, scheme: 'basic', identity: 'Jos\u00e9' });
    });
  });

  test('a password containing colons: the header is split at the first colon', async () => {
    const verifier = createVerifier({ basic: { users: { alice: 'pa:ss:word:' } } });
    expect(await verifier.verify(request({ authorization: basicHeader('alice:pa:ss:word:') }))).toEqual({ ok: true, scheme: 'basic', identity: 'alice' });
    const signed = await signedRequest(basic({ username: 'alice', password: 'pa:ss:word:' }), `${ORIGIN}/`);
    expect(await verifier.verify(signed)).toEqual({ ok: true, scheme: 'basic', identity: 'alice' });
    expect(await verifier.verify(request({ authorization: basicHeader('alice:pa:ss') }))).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
  });

  describe('wrong credentials, without user enumeration', () => {
    const verifier = createVerifier({ basic: { users: { alice: ['pw-alice-new', 'pw-alice-old'], bob: 'pw-bob', carol: 'shared', dave: 'shared' } } });

    test('each user with each of their passwords', async () => {
      for (const [text, identity] of [
        ['alice:pw-alice-new', 'alice'],
        ['alice:pw-alice-old', 'alice'],
        ['bob:pw-bob', 'bob'],
        ['carol:shared', 'carol'],
        ['dave:shared', 'dave'],
      ] as const) {
        expect(await verifier.verify(request({ authorization: basicHeader(text) }))).toEqual({ ok: true, scheme: 'basic', identity });
      }
    });

    test('a wrong password and an unknown user give the same refusal', async () => {
      const wrongPassword = await verifier.verify(request({ authorization: basicHeader('alice:nope') }));
      const unknownUser = await verifier.verify(request({ authorization: basicHeader('mallory:nope') }));
      expect(wrongPassword).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
      expect(unknownUser).toEqual(wrongPassword);
    });

    test("another user's password does not open this account", async () => {
      expect(await verifier.verify(request({ authorization: basicHeader('alice:pw-bob') }))).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
      expect(await verifier.verify(request({ authorization: basicHeader('mallory:pw-bob') }))).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
    });

    test('user-ids are case-sensitive', async () => {
      expect(await verifier.verify(request({ authorization: basicHeader('Alice:pw-alice-new') }))).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
    });

    test('an empty password is a wrong password', async () => {
      expect(await verifier.verify(request({ authorization: basicHeader('alice:') }))).toEqual(refused('basic', 'invalid_credentials', BASIC_CHALLENGE));
    });
  });

  describe('malformed credentials', () => {
    const verifier = createVerifier({ basic: { users: { Aladdin: 'open sesame' } } });

    test.each([
      ['no token', 'Basic'],
      ['unpadded base64', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ'],
      ['base64 with a character outside the alphabet', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=*'],
      ['no colon', basicHeader('Aladdin')],
      ['invalid UTF-8', basicHeaderOfBytes([0x41, 0x3a, 0xff, 0xfe])],
      ['the user-id and password in clear', 'Basic Aladdin:open sesame'],
    ])('%s', async (_name, authorization) => {
      expect(await verifier.verify(request({ authorization }))).toEqual(refused('basic', 'malformed_credentials', BASIC_CHALLENGE));
    });

    test('no credentials: missing_credentials with the Basic challenge and its charset', async () => {
      expect(await verifier.verify(request())).toEqual(refused(undefined, 'missing_credentials', BASIC_CHALLENGE));
    });

    test('an ApiKey header to a basic-only verifier is refused', async () => {
      expect(await verifier.verify(request({ authorization: 'ApiKey open sesame' }))).toMatchObject({ ok: false, status: 401, challenge: BASIC_CHALLENGE });
    });
  });
});

describe('API key and Basic together', () => {
  const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' } }, basic: { users: { alice: 'pw-alice' } } });

  test('either scheme is accepted', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
    expect(await verifier.verify(request({ authorization: basicHeader('alice:pw-alice') }))).toEqual({ ok: true, scheme: 'basic', identity: 'alice' });
  });

  test('missing credentials: the challenge lists every configured scheme (RFC 9110 §11.6.1)', async () => {
    expect(await verifier.verify(request())).toEqual(refused(undefined, 'missing_credentials', BOTH_CHALLENGES));
  });

  test('every refusal carries both challenges', async () => {
    expect(await verifier.verify(request({ authorization: 'ApiKey nope' }))).toEqual(refused('api-key', 'unknown_key', BOTH_CHALLENGES));
    expect(await verifier.verify(request({ authorization: basicHeader('alice:nope') }))).toEqual(refused('basic', 'invalid_credentials', BOTH_CHALLENGES));
  });

  test('secrets do not cross schemes', async () => {
    // The API key as a Basic password, and the Basic password as an API key.
    expect(await verifier.verify(request({ authorization: basicHeader('billing:key-billing-1') }))).toEqual(refused('basic', 'invalid_credentials', BOTH_CHALLENGES));
    expect(await verifier.verify(request({ authorization: 'ApiKey pw-alice' }))).toEqual(refused('api-key', 'unknown_key', BOTH_CHALLENGES));
  });

  test('the realm appears in both challenges', async () => {
    const custom = createVerifier({ realm: 'partners', apiKey: { clients: { billing: 'k' } }, basic: { users: { alice: 'p' } } });
    expect(await custom.verify(request())).toMatchObject({ challenge: 'ApiKey realm="partners", Basic realm="partners", charset="UTF-8"' });
  });
});

describe('verify', () => {
  test('does not consume the request body', async () => {
    const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' } } });
    const post = new Request(`${ORIGIN}/upload`, { method: 'POST', headers: { authorization: 'ApiKey key-billing-1' }, body: 'payload' });
    expect(await verifier.verify(post)).toMatchObject({ ok: true });
    expect(post.bodyUsed).toBe(false);
    expect(await post.text()).toBe('payload');
  });

  test('uses the injected crypto for hashing', async () => {
    const hashed: string[] = [];
    const crypto: SignetCrypto = {
      ...platformCrypto,
      sha256: ((data: Uint8Array, encoding?: 'hex' | 'base64') => {
        hashed.push(Buffer.from(data).toString('utf8'));
        return encoding === undefined ? platformCrypto.sha256(data) : platformCrypto.sha256(data, encoding);
      }) as SignetCrypto['sha256'],
    };
    const verifier = createVerifier({ crypto, apiKey: { clients: { billing: 'key-billing-1' } } });
    expect(await verifier.verify(request({ authorization: 'ApiKey key-billing-1' }))).toMatchObject({ ok: true, identity: 'billing' });
    expect(hashed.sort()).toEqual(['key-billing-1', 'key-billing-1']);
  });
});

describe('fixes found in review', () => {
  test('configured Basic passwords are NFC-normalized too, so either Unicode form matches', async () => {
    const verifier = createVerifier({ basic: { users: { alice: 'cafe\u0301' } } });
    expect(await verifier.verify(request({ authorization: basicHeader('alice:caf\u00e9') }))).toEqual({ ok: true, scheme: 'basic', identity: 'alice' });
    expect(await verifier.verify(request({ authorization: basicHeader('alice:cafe\u0301') }))).toEqual({ ok: true, scheme: 'basic', identity: 'alice' });
  });

  test('an empty Secret is refused at construction, so no account opens with an empty password', () => {
    expectConfigError(() => createVerifier({ basic: { users: { alice: secret('') } } }), 'basic.users.alice', 'basic.users.alice: must not be empty');
  });

  test('with the key in a custom header, a foreign Authorization header is unsupported_scheme and nothing else', async () => {
    const verifier = createVerifier({ apiKey: { clients: { billing: 'k' }, header: 'X-API-Key' } });
    expect(await verifier.verify(request({ authorization: 'Bearer abc' }))).toEqual(refused(undefined, 'unsupported_scheme', API_KEY_CHALLENGE));
    expect(await verifier.verify(request({ authorization: 'Bearer abc', 'x-api-key': 'k' }))).toEqual({ ok: true, scheme: 'api-key', identity: 'billing' });
  });
});
