import { inspect } from 'node:util';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAuthContext, createClock, secret, SignetConfigError } from '@signet/core';
import { CLIENT_ASSERTION_TYPE, createClientAssertion, type ClientAssertionOptions } from '@signet/core/jwt';
import { ASYMMETRIC, HS256_SECRET, testKeys } from './keys.js';

const NOW = 1_700_000_000_000;
const TOKEN_ENDPOINT = 'https://as.example.com/oauth2/token';
const keys = Object.fromEntries(await Promise.all(ASYMMETRIC.map(async (alg) => [alg, await testKeys(alg)] as const)));
const context = (offsetMs = 0) => createAuthContext({ clock: createClock({ now: () => NOW, offsetMs }), nonce: () => 'jti-fixed' });
const base: ClientAssertionOptions = { clientId: 's6BhdRkqt3', tokenEndpoint: TOKEN_ENDPOINT, algorithm: 'ES256', key: keys.ES256!.jwk, keyId: 'k1' };

afterEach(() => vi.restoreAllMocks());

describe('createClientAssertion(): RFC 7523 §2.2 and §3, OIDC Core §9', () => {
  test('the two form parameters, and the JWT header and claims exactly', async () => {
    const params = await createClientAssertion(base, context());
    expect(Object.keys(params).sort()).toEqual(['client_assertion', 'client_assertion_type']);
    expect(params.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(CLIENT_ASSERTION_TYPE).toBe(params.client_assertion_type);
    expect(decodeProtectedHeader(params.client_assertion)).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'k1' });
    expect(decodeJwt(params.client_assertion)).toEqual({ iss: 's6BhdRkqt3', sub: 's6BhdRkqt3', aud: TOKEN_ENDPOINT, iat: 1_700_000_000, exp: 1_700_000_060, jti: 'jti-fixed' });
  });

  test('audience (the issuer identifier) replaces the token endpoint; lifetime and claims as given', async () => {
    const params = await createClientAssertion({ ...base, audience: 'https://as.example.com', lifetimeSeconds: 30, claims: { tenant: 't-1' } }, context());
    expect(decodeJwt(params.client_assertion)).toEqual({ iss: 's6BhdRkqt3', sub: 's6BhdRkqt3', aud: 'https://as.example.com', iat: 1_700_000_000, exp: 1_700_000_030, jti: 'jti-fixed', tenant: 't-1' });
  });

  test('a URL token endpoint is its href; a string one is kept as written', async () => {
    expect(decodeJwt((await createClientAssertion({ ...base, tokenEndpoint: new URL('https://as.example.com') }, context())).client_assertion).aud).toBe('https://as.example.com/');
    expect(decodeJwt((await createClientAssertion({ ...base, tokenEndpoint: 'https://as.example.com' }, context())).client_assertion).aud).toBe('https://as.example.com');
  });

  test('iat and exp are in server time (the clock has learned a 10-minute offset)', async () => {
    const params = await createClientAssertion(base, context(600_000));
    expect(decodeJwt(params.client_assertion)).toMatchObject({ iat: 1_700_000_600, exp: 1_700_000_660 });
  });

  test('every call has a new jti with the default nonce source', async () => {
    const live = createAuthContext();
    const jtis = await Promise.all(Array.from({ length: 5 }, async () => decodeJwt((await createClientAssertion(base, live)).client_assertion).jti));
    expect(new Set(jtis).size).toBe(5);
    for (const jti of jtis) expect(jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test('spreads into a token request body', async () => {
    const params = await createClientAssertion(base, context());
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...params });
    expect(body.get('client_assertion_type')).toBe(CLIENT_ASSERTION_TYPE);
    expect(body.get('client_assertion')).toBe(params.client_assertion);
  });

  for (const algorithm of ASYMMETRIC) {
    test(`${algorithm}: verifies with jose against the public key, with the AS's own checks`, async () => {
      const k = keys[algorithm]!;
      const { client_assertion } = await createClientAssertion({ ...base, algorithm, key: k.pem }, context());
      const options = { algorithms: [algorithm], issuer: 's6BhdRkqt3', subject: 's6BhdRkqt3', audience: TOKEN_ENDPOINT, currentDate: new Date(NOW), maxTokenAge: 60, requiredClaims: ['jti', 'exp', 'iat'] };
      expect((await jwtVerify(client_assertion, k.publicKey, options)).payload.jti).toBe('jti-fixed');
      await expect(jwtVerify(client_assertion, k.otherPublicKey, options)).rejects.toThrow(/signature verification failed/);
      await expect(jwtVerify(client_assertion, k.publicKey, { ...options, currentDate: new Date(NOW + 61_000) })).rejects.toThrow(/"exp" claim timestamp check failed/);
    });
  }

  test('HS256 (client_secret_jwt) with the client secret', async () => {
    const { client_assertion } = await createClientAssertion({ ...base, algorithm: 'HS256', key: secret(HS256_SECRET) }, context());
    expect((await jwtVerify(client_assertion, new TextEncoder().encode(HS256_SECRET), { algorithms: ['HS256'], currentDate: new Date(NOW) })).payload.sub).toBe('s6BhdRkqt3');
  });

  test('the same JWK is imported once across calls (one key import module shared with jwt())', async () => {
    const jwk = { ...keys.ES256!.jwk };
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    for (let i = 0; i < 3; i++) await createClientAssertion({ ...base, key: jwk }, context());
    expect(importKey).toHaveBeenCalledTimes(1);
    expect(importKey.mock.calls[0]![3]).toBe(false); // not extractable
  });
});

describe('createClientAssertion(): bad options reject with SignetConfigError naming the field', () => {
  const cases: Array<[string, Partial<Record<keyof ClientAssertionOptions, unknown>>, string]> = [
    ['no clientId', { clientId: undefined }, 'clientId'],
    ['empty clientId', { clientId: '' }, 'clientId'],
    ['no tokenEndpoint', { tokenEndpoint: undefined }, 'tokenEndpoint'],
    ['a relative tokenEndpoint', { tokenEndpoint: '/token' }, 'tokenEndpoint'],
    ['an ftp tokenEndpoint', { tokenEndpoint: 'ftp://as.example.com/token' }, 'tokenEndpoint'],
    ['user info in the tokenEndpoint', { tokenEndpoint: 'https://u:p@as.example.com/token' }, 'tokenEndpoint'],
    ['an empty audience', { audience: '' }, 'audience'],
    ['a lifetime over 600 s', { lifetimeSeconds: 601 }, 'lifetimeSeconds'],
    ['claims setting sub', { claims: { sub: 'other' } }, 'claims.sub'],
    ['a bad algorithm', { algorithm: 'RS512' }, 'algorithm'],
    ['a public key', { key: { ...keys.ES256!.jwk, d: undefined } }, 'key'],
  ];
  for (const [name, change, field] of cases) {
    test(name, async () => {
      const error = await createClientAssertion({ ...base, ...change } as ClientAssertionOptions, context()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignetConfigError);
      expect((error as SignetConfigError).field).toBe(field);
      expect(inspect(error)).not.toContain(String(keys.ES256!.jwk.d));
    });
  }

  test('the token endpoint user info never appears in the error', async () => {
    const error = await createClientAssertion({ ...base, tokenEndpoint: 'https://client:CANARY@as.example.com/token' }, context()).catch((e: unknown) => e);
    expect(inspect(error)).not.toContain('CANARY');
  });
});
