import { inspect } from 'node:util';
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, secret, SignetConfigError, SignetCredentialError, SignetRequestError, type SignableRequest, utf8 } from '@signet/core';
import { httpSignature, type HttpSignatureOptions, parseDictionary } from '@signet/core/http-signatures';
import { TEST_KEY_ED25519 } from './rfc9421-vectors.js';
import { failureOf } from '../../support/failure-of.js';

const KEY = 'a-shared-secret-of-at-least-32-bytes!';
const NOW_MS = 1_700_000_000_500;
const context = (nonce = 'nonce-1') => createAuthContext({ clock: createClock({ now: () => NOW_MS }), nonce: () => nonce });
const hmac = (options: Partial<HttpSignatureOptions> = {}) => httpSignature({ keyId: 'client-1', algorithm: 'hmac-sha256', key: KEY, ...options } as HttpSignatureOptions);
const get = (url = 'https://api.example.com/v1/things?page=2', headers: Record<string, string> = {}): SignableRequest => ({
  method: 'GET',
  url: new URL(url),
  headers: new Headers(headers),
  body: undefined,
});
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): SignableRequest => ({
  method: 'POST',
  url: new URL('https://api.example.com/v1/things'),
  headers: new Headers(headers),
  body: utf8(body),
});

describe('httpSignature: what it sends', () => {
  test('defaults: covers @method and @target-uri, with created (seconds), keyid, nonce and alg', async () => {
    const signed = await hmac().authorize(get(), context());
    expect(signed.headers.get('signature-input')).toBe('sig1=("@method" "@target-uri");created=1700000000;keyid="client-1";nonce="nonce-1";alg="hmac-sha256"');
    // Recomputed here with node:crypto from the RFC 9421 §2.5 base, not through Signet.
    const base = [
      '"@method": GET',
      '"@target-uri": https://api.example.com/v1/things?page=2',
      '"@signature-params": ("@method" "@target-uri");created=1700000000;keyid="client-1";nonce="nonce-1";alg="hmac-sha256"',
    ].join('\n');
    expect(signed.headers.get('signature')).toBe(`sig1=:${createHmac('sha256', KEY).update(base).digest('base64')}:`);
  });

  test('a body gets Content-Digest (RFC 9530), covered last', async () => {
    const signed = await hmac({ components: ['@method', '@path', 'content-type'] }).authorize(post('{"hello": "world"}'), context());
    expect(signed.headers.get('content-digest')).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
    expect(signed.headers.get('signature-input')).toMatch(/^sig1=\("@method" "@path" "content-type" "content-digest"\);/);
  });

  test('content-digest named in components is covered where it is listed, once', async () => {
    const signed = await hmac({ components: ['content-digest', '@method'] }).authorize(post('{}'), context());
    expect(signed.headers.get('signature-input')).toMatch(/^sig1=\("content-digest" "@method"\);/);
  });

  test('no body, no Content-Digest; contentDigest: false never adds one and does not buffer bodies', async () => {
    expect((await hmac().authorize(get(), context())).headers.has('content-digest')).toBe(false);
    const off = hmac({ contentDigest: false });
    expect(off.requiresBody).toBe(false);
    expect(hmac().requiresBody).toBe(true);
    const signed = await off.authorize(post('{}'), context());
    expect(signed.headers.has('content-digest')).toBe(false);
    expect(signed.headers.get('signature-input')).toMatch(/^sig1=\("@method" "@target-uri"\);/);
  });

  test('label, expiresIn, nonce: false and includeAlgorithm: false', async () => {
    const signed = await hmac({ label: 'partner', expiresIn: 60, nonce: false, includeAlgorithm: false }).authorize(get(), context());
    expect(signed.headers.get('signature-input')).toBe('partner=("@method" "@target-uri");created=1700000000;expires=1700000060;keyid="client-1"');
    expect(signed.headers.get('signature')).toMatch(/^partner=:[A-Za-z0-9+/]{43}=:$/);
  });

  test('a fresh nonce per request, from the context', async () => {
    const credential = hmac();
    const a = await credential.authorize(get(), context('n-a'));
    const b = await credential.authorize(get(), context('n-b'));
    expect(a.headers.get('signature-input')).toContain('nonce="n-a"');
    expect(b.headers.get('signature-input')).toContain('nonce="n-b"');
    expect(a.headers.get('signature')).not.toBe(b.headers.get('signature'));
  });

  test('header component names are lower-cased; keyId is escaped as an sf-string', async () => {
    const signed = await hmac({ keyId: 'key "1"', components: ['Content-Type'] }).authorize(get(undefined, { 'content-type': 'text/plain' }), context());
    expect(signed.headers.get('signature-input')).toBe('sig1=("content-type");created=1700000000;keyid="key \\"1\\"";nonce="nonce-1";alg="hmac-sha256"');
    expect(parseDictionary(signed.headers.get('signature-input')!)).toBeDefined();
  });

  test('Ed25519 signs 64 bytes; HMAC 32', async () => {
    const ed = await httpSignature({ keyId: 'k', algorithm: 'ed25519', key: TEST_KEY_ED25519 }).authorize(get(), context());
    const edSignature = parseDictionary(ed.headers.get('signature')!)!.get('sig1');
    expect(edSignature?.kind === 'item' && edSignature.value.value).toHaveLength(64);
    expect(ed.headers.get('signature-input')).toContain('alg="ed25519"');
  });

  test('declares the headers it writes; never mutates the request', async () => {
    expect(hmac().sensitiveHeaders).toEqual(['signature', 'signature-input', 'content-digest']);
    expect(hmac({ contentDigest: false }).sensitiveHeaders).toEqual(['signature', 'signature-input']);
    expect(hmac().sensitiveQueryParams).toEqual([]);
    const request = post('{}');
    await hmac().authorize(request, context());
    expect([...request.headers]).toEqual([['content-type', 'application/json']]);
  });

  test('the key may be a Secret or raw bytes: same signature as the string', async () => {
    const a = await hmac().authorize(get(), context());
    const b = await hmac({ key: secret(KEY) }).authorize(get(), context());
    const c = await hmac({ key: utf8(KEY) }).authorize(get(), context());
    expect(b.headers.get('signature')).toBe(a.headers.get('signature'));
    expect(c.headers.get('signature')).toBe(a.headers.get('signature'));
  });
});

describe('httpSignature: a covered header absent from the request fails at signing time', () => {
  test('a typed error names the component (missing_signed_header); nothing is skipped', async () => {
    const error = await failureOf(() => hmac({ components: ['@method', 'x-request-id'] }).authorize(get(), context()));
    expect(error).toBeInstanceOf(SignetRequestError);
    const missing = error as SignetRequestError;
    expect(missing.code).toBe('missing_signed_header');
    expect(missing.message).toBe('the request has no x-request-id header, which the signature covers; set it, or remove it from components');
  });

  test('content-digest named explicitly on a bodiless request is missing too', async () => {
    await expect(hmac({ components: ['content-digest'] }).authorize(get(), context())).rejects.toMatchObject({
      code: 'missing_signed_header',
      message: expect.stringContaining('no content-digest header'),
    });
  });

  test('a header value with non-ASCII characters cannot be signed (RFC 9421 §2.5)', async () => {
    const request = get();
    const headers = new Headers({ 'x-name': 'caf\u00e9' });
    await expect(hmac({ components: ['x-name'] }).authorize({ ...request, headers }, context())).rejects.toThrow(/ASCII only/);
  });
});

describe('httpSignature: configuration errors name the field', () => {
  const base = { keyId: 'k', algorithm: 'hmac-sha256', key: KEY } as const;
  test.each([
    [{ ...base, key: 'too-short' }, 'key', 'must be at least 32 bytes for hmac-sha256'],
    [{ ...base, key: new Uint8Array(31) }, 'key', 'must be at least 32 bytes'],
    [{ ...base, algorithm: 'rsa-v1_5-sha256' }, 'algorithm', "must be one of 'hmac-sha256', 'ed25519'"],
    [{ ...base, components: [] }, 'components', 'must name at least one component to sign'],
    [{ ...base, components: ['@method', '@status'] }, 'components[1]', '"@status" is not a supported derived component'],
    [{ ...base, components: ['bad header'] }, 'components[0]', '"bad header" is not a valid component identifier'],
    [{ ...base, components: ['"quoted"'] }, 'components[0]', '""quoted"" is not a valid component identifier'],
    [{ ...base, components: ['signature'] }, 'components[0]', '"signature" is not a valid component identifier (an HTTP field name, other than signature and signature-input)'],
    [{ ...base, components: ['@method', '@method'] }, 'components[1]', '"@method" is listed twice; a component is covered once (RFC 9421 §2.5)'],
    [{ ...base, components: [42] }, 'components[0]', 'must be a string'],
    [{ ...base, components: '@method' }, 'components', 'must be an array'],
    [{ ...base, keyId: '' }, 'keyId', 'must not be empty'],
    [{ ...base, keyId: 'clé' }, 'keyId', 'must be printable ASCII'],
    [{ ...base, label: 'Sig1' }, 'label', 'must be a structured-field key'],
    [{ ...base, nonce: 'yes' }, 'nonce', 'must be true or false'],
    [{ ...base, expiresIn: 0 }, 'expiresIn', 'must be a positive integer'],
    [{ ...base, algorithm: 'ed25519', key: KEY }, 'key', 'must be an Ed25519 private key: a CryptoKey or a JWK'],
    [{ ...base, algorithm: 'ed25519', key: { kty: 'OKP', crv: 'Ed25519', x: TEST_KEY_ED25519.x } }, 'key', 'must have d'],
    [{ ...base, algorithm: 'ed25519', key: { kty: 'OKP', crv: 'X25519', x: TEST_KEY_ED25519.x, d: TEST_KEY_ED25519.d } }, 'key', 'must be an Ed25519 JWK'],
    [{ keyId: 'k', algorithm: 'hmac-sha256' }, 'key', 'is required'],
  ])('%j → %s', (options, field, message) => {
    let error: unknown;
    try {
      httpSignature(options as unknown as HttpSignatureOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect((error as SignetConfigError).field).toBe(field);
    expect((error as SignetConfigError).message).toContain(`${field}: ${message}`);
  });

  test('a public CryptoKey cannot sign', async () => {
    const { publicKey } = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(() => httpSignature({ keyId: 'k', algorithm: 'ed25519', key: publicKey })).toThrow('key: must be the private key (this CryptoKey is public)');
  });

  test('no error shows the key, however it is printed', async () => {
    const canary = 'CANARY-5ecr3t-9f2b7d';
    const privateD = TEST_KEY_ED25519.d;
    const errors: unknown[] = [];
    const attempt = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        errors.push(e);
      }
    };
    attempt(() => hmac({ key: canary }));
    attempt(() => hmac({ key: `${canary}\n${canary}${canary}` }));
    attempt(() => hmac({ key: secret(canary) }));
    attempt(() => httpSignature({ keyId: 'k', algorithm: 'ed25519', key: { kty: 'OKP', crv: 'Ed25519', x: 'short', d: privateD } }));
    attempt(() => httpSignature({ keyId: 'k', algorithm: 'ed25519', key: { kty: 'OKP', crv: 'Ed25519', x: TEST_KEY_ED25519.x, d: `${privateD}!` } }));
    errors.push(await failureOf(() => hmac({ key: `${canary}${canary}`, components: ['x-absent'] }).authorize(get(), context())));
    expect(errors).toHaveLength(6);
    for (const error of errors) {
      const e = error as Error;
      for (const text of [e.message, String(e.stack), String(e), JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true })]) {
        expect(text).not.toContain(canary);
        expect(text).not.toContain(privateD);
      }
    }
  });
});
