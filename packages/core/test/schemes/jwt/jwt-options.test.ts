import { inspect } from 'node:util';
import { generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, createSendLoop, secret, SignetConfigError, SignetCredentialError, type SignetEvent } from '@signet/core';
import { jwt, type JwtOptions } from '@signet/core/jwt';
import { fakeTransport, outgoing, type Reply } from '../../support/fake-transport.js';
import { HS256_SECRET, testKeys } from './keys.js';
import { failureOf } from '../../support/failure-of.js';

const es = await testKeys('ES256');
const rsa = await testKeys('RS256');
const ed = await testKeys('EdDSA');
const { publicKey: rsaPublic } = rsa;
const hmacKey = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(HS256_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
const small = await globalThis.crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify']);
const rsaSha384 = await generateKeyPair('RS384');
const pemBody = (pem: string) => pem.split('\n').slice(1, -1).join('\n');

const valid: JwtOptions = { algorithm: 'ES256', key: es.privateKey, issuer: 'svc' };

function configError(options: unknown): SignetConfigError {
  try {
    jwt(options as JwtOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    return error as SignetConfigError;
  }
  throw new Error('jwt() accepted the options');
}

describe('jwt(): bad options fail at creation, naming the field', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['options not an object', null, 'jwt(options)', /options object/],
    ['no algorithm', { ...valid, algorithm: undefined }, 'algorithm', /one of RS256, PS256, ES256, EdDSA, HS256/],
    ['alg none', { ...valid, algorithm: 'none' }, 'algorithm', /one of/],
    ['HS512', { ...valid, algorithm: 'HS512' }, 'algorithm', /one of/],
    ['no key', { ...valid, key: undefined }, 'key', /is required/],
    ['an ES256 CryptoKey for RS256', { ...valid, algorithm: 'RS256' }, 'key', /for RS256 \(RSASSA-PKCS1-v1_5 SHA-256\); this one is ECDSA P-256/],
    ['an RS256 CryptoKey for PS256', { ...valid, algorithm: 'PS256', key: rsa.privateKey }, 'key', /for PS256/],
    ['an RS384 CryptoKey for RS256', { ...valid, algorithm: 'RS256', key: rsaSha384.privateKey }, 'key', /this one is RSASSA-PKCS1-v1_5 SHA-384/],
    ['the public CryptoKey', { ...valid, algorithm: 'RS256', key: rsaPublic }, 'key', /must be the private key/],
    ['a 1024-bit RSA key', { ...valid, algorithm: 'RS256', key: small.privateKey }, 'key', /at least 2048 bits/],
    ['an HMAC CryptoKey for ES256', { ...valid, key: hmacKey }, 'key', /for ES256/],
    ['a public JWK', { ...valid, key: { ...es.jwk, d: undefined } }, 'key', /JWK with d/],
    ['an EC JWK for EdDSA', { ...valid, algorithm: 'EdDSA', key: es.jwk }, 'key', /kty "OKP", crv "Ed25519"/],
    ['an Ed25519 JWK for ES256', { ...valid, key: ed.jwk }, 'key', /kty "EC", crv "P-256"/],
    ['a PKCS#1 PEM', { ...valid, algorithm: 'RS256', key: fakePem('RSA PRIVATE KEY', 'AAAA') }, 'key', /not RSA PRIVATE KEY: convert it with `openssl pkcs8/],
    ['a public PEM', { ...valid, key: fakePem('PUBLIC KEY', 'AAAA') }, 'key', /the private key is needed/],
    ['an encrypted PEM', { ...valid, key: fakePem('ENCRYPTED PRIVATE KEY', 'AAAA') }, 'key', /decrypt it first/],
    ['a string that is no PEM', { ...valid, key: 'not-a-key' }, 'key', /PKCS#8 PEM/],
    ['a number', { ...valid, key: 42 }, 'key', /CryptoKey, a private JWK, or a PKCS#8 PEM/],
    ['a short HS256 secret', { ...valid, algorithm: 'HS256', key: 'too-short' }, 'key', /at least 32 bytes/],
    ['a JWK for HS256', { ...valid, algorithm: 'HS256', key: es.jwk }, 'key', /shared secret for HS256/],
    ['an empty keyId', { ...valid, keyId: '' }, 'keyId', /must not be empty/],
    ['no issuer', { ...valid, issuer: undefined }, 'issuer', /must be a string/],
    ['an empty issuer', { ...valid, issuer: '' }, 'issuer', /must not be empty/],
    ['a subject that is not a string', { ...valid, subject: 7 }, 'subject', /must be a string/],
    ['an audience that is a number', { ...valid, audience: 7 }, 'audience', /string or a function/],
    ['lifetime 0', { ...valid, lifetimeSeconds: 0 }, 'lifetimeSeconds', /positive integer/],
    ['lifetime 1.5', { ...valid, lifetimeSeconds: 1.5 }, 'lifetimeSeconds', /positive integer/],
    ['lifetime over a day', { ...valid, lifetimeSeconds: 86_401 }, 'lifetimeSeconds', /at most 86400/],
    ['margin negative', { ...valid, refreshMarginSeconds: -1 }, 'refreshMarginSeconds', /non-negative integer/],
    ['margin not below lifetime', { ...valid, lifetimeSeconds: 60, refreshMarginSeconds: 60 }, 'refreshMarginSeconds', /less than lifetimeSeconds \(60\)/],
    ['claims an array', { ...valid, claims: [] }, 'claims', /plain object/],
    ['claims setting exp', { ...valid, claims: { exp: 1 } }, 'claims.exp', /computed by Signet/],
    ['claims setting aud', { ...valid, claims: { aud: 'x' } }, 'claims.aud', /computed by Signet/],
    ['claims with a BigInt', { ...valid, claims: { n: 1n } }, 'claims', /JSON-serializable/],
  ];
  for (const [name, options, field, message] of cases) {
    test(name, () => {
      const error = configError(options);
      expect(error.field).toBe(field);
      expect(error.code).toBe('invalid_option');
      expect(error.message).toMatch(message);
    });
  }

  test('an HMAC CryptoKey is accepted for HS256, an Ed25519 CryptoKey for EdDSA', () => {
    expect(jwt({ ...valid, algorithm: 'HS256', key: hmacKey }).scheme).toBe('jwt');
    expect(jwt({ ...valid, algorithm: 'EdDSA', key: ed.privateKey }).sensitiveHeaders).toEqual(['authorization']);
  });
});

describe('jwt(): failures after creation', () => {
  const context = () => createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }) });
  const request = { method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers(), body: undefined };

  test('a JWK that passes the checks but cannot be imported rejects with SignetCredentialError, and is tried again next time', async () => {
    const credential = jwt({ ...valid, key: { ...es.jwk, d: 'AAAA' } });
    for (let i = 0; i < 2; i++) {
      const error = await failureOf(() => credential.authorize(request, context()));
      expect(error).toBeInstanceOf(SignetCredentialError);
      expect((error as SignetCredentialError).message).toBe('jwt: key: the JWK could not be imported as a ES256 private key (is it complete?)');
      expect((error as SignetCredentialError).cause).toBeUndefined();
    }
  });

  test('an audience function that returns no string, or throws, is a SignetCredentialError', async () => {
    await expect(jwt({ ...valid, audience: () => '' }).authorize(request, context())).rejects.toThrow('jwt: audience() must return a non-empty string');
    const thrown = new Error('lookup failed');
    const error = await failureOf(() => jwt({ ...valid, audience: () => { throw thrown; } }).authorize(request, context()));
    expect(error).toBeInstanceOf(SignetCredentialError);
    expect((error as Error).cause).toBe(thrown);
  });
});

describe('jwt(): no key material or JWT in any error or event (canary)', () => {
  test('key material passed in bad options never appears in the error', () => {
    const canary = 'CANARY-hs256-secret';
    const errors = [
      configError({ ...valid, algorithm: 'HS256', key: canary }),
      configError({ ...valid, algorithm: 'HS256', key: secret(canary) }),
      configError({ ...valid, key: fakePem('RSA PRIVATE KEY', canary) }),
      configError({ ...valid, key: { kty: 'RSA', n: canary, e: 'AQAB', d: canary } }),
      configError({ ...valid, algorithm: 'RS256', key: canary }),
    ];
    for (const error of errors) expect(`${error.message} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain('CANARY');
  });

  test('what a full send emits, throws and exposes holds neither the key nor the JWT', async () => {
    const events: SignetEvent[] = [];
    const credential = jwt({ algorithm: 'RS256', key: rsa.pem, issuer: 'svc', claims: { note: 'public' } });
    const loop = createSendLoop(credential, { origins: 'https://api.example.com', onEvent: (event) => events.push(event) });
    const net = fakeTransport((_request, index): Reply => (index === 0 ? { status: 401, headers: { date: new Date(Date.now() + 3_600_000).toUTCString() } } : index === 1 ? { status: 307, headers: { location: 'https://elsewhere.example/' } } : { status: 200 }));
    await loop.send(outgoing('https://api.example.com/x'), net.transport);
    const jwts = net.received.map((r) => r.headers.authorization).filter((h): h is string => h !== undefined).map((h) => h.slice('Bearer '.length));
    expect(jwts).toHaveLength(2);
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry', 'redirect.followed', 'credentials.withheld']);
    // An error after minting: an audience function that fails on the second call.
    let calls = 0;
    const failing = jwt({ algorithm: 'RS256', key: rsa.jwk, issuer: 'svc', audience: () => (++calls > 1 ? '' : 'urn:a') });
    const context = createAuthContext();
    const minted = (await failing.authorize({ method: 'GET', url: new URL('https://api.example.com'), headers: new Headers(), body: undefined }, context)).headers.get('authorization')!.slice(7);
    const error = await failureOf(() => failing.authorize({ method: 'GET', url: new URL('https://api.example.com'), headers: new Headers(), body: undefined }, context));
    const seen = `${JSON.stringify(events)} ${inspect(events, { depth: 9 })} ${inspect(error, { depth: 9 })} ${inspect(credential, { depth: 9, showHidden: true })} ${JSON.stringify(credential)}`;
    for (const token of [...jwts, minted]) {
      expect(seen).not.toContain(token);
      expect(seen).not.toContain(token.split('.')[2]!); // not even the signature
    }
    expect(seen).not.toContain(pemBody(rsa.pem).slice(0, 40));
    expect(seen).not.toContain(String(rsa.jwk.d));
  });
});

/** A PEM-shaped block with `body` inside: not a key, only the framing the option check reads. */
function fakePem(label: string, body: string): string {
  const dashes = '-'.repeat(5);
  return `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}`;
}
