import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, hex, SignetConfigError, SignetRequestError, SigningHeaders, platformCrypto, utf8 } from '@signet/core';
import { readSkewChallenge as readChallenge } from '@signet/core';
import { buildStringToSign, hmac, parseHmacAuthorization } from '@signet/core/hmac';
import { failureOf } from '../../support/failure-of.js';

const readSkewChallenge = (response: { status: number; headers: Headers }) => readChallenge(response, 'HMAC-SHA256');

// The worked example of docs/schemes/hmac.md. The body hash and the signature were computed
// independently with Python's hashlib/hmac over the string below, not with this code.
const EXAMPLE = {
  secret: 'example-secret-for-docs-only-0123456789',
  url: 'https://api.example.com/v1/orders?b=2&a=%7e&a=1&flag',
  body: '{"sku":"A-1","qty":2}',
  bodySha256: 'd3c95de2d66db9a042603637d7c75dcdb810c4f4a5e5530d450ffd344b022636',
  stringToSign: [
    'HMAC-SHA256',
    '1700000000',
    'n0nce-3xample',
    'POST',
    'api.example.com',
    '/v1/orders',
    'a=1&a=~&b=2&flag=',
    'content-type:application/json',
    'x-request-id:req-7',
    'content-type;x-request-id',
    'd3c95de2d66db9a042603637d7c75dcdb810c4f4a5e5530d450ffd344b022636',
  ].join('\n'),
  authorization:
    'HMAC-SHA256 keyId="partner-42", timestamp="1700000000", nonce="n0nce-3xample", headers="content-type;x-request-id", ' +
    'signature="aead5b0eb2f94542d4320cbc9e2b7e26f69df4d145dc224679053ee0cbc3707b"',
};

const context = (nowMs = 1_700_000_000_000) => createAuthContext({ clock: createClock({ now: () => nowMs }), nonce: () => 'n0nce-3xample' });
const exampleRequest = () => ({
  method: 'POST',
  url: new URL(EXAMPLE.url),
  headers: new Headers({ 'content-type': 'application/json', 'x-request-id': 'req-7' }),
  body: utf8(EXAMPLE.body),
});

describe('hmac(): the documented worked example', () => {
  test('docs/schemes/hmac.md shows exactly these values', () => {
    const page = readFileSync(new URL('../../../../../docs/schemes/hmac.md', import.meta.url), 'utf8');
    expect(page).toContain(`\`\`\`text\n${EXAMPLE.stringToSign}\n\`\`\``);
    expect(page).toContain(`Authorization: ${EXAMPLE.authorization}`);
    expect(page).toContain(`The body's SHA-256 is \`${EXAMPLE.bodySha256}\``);
    expect(page).toContain(`Secret \`${EXAMPLE.secret}\``);
  });

  test('the body hash is SHA-256 of the exact bytes', async () => {
    expect(hex(await platformCrypto.sha256(utf8(EXAMPLE.body)))).toBe(EXAMPLE.bodySha256);
  });

  test('the string to sign, byte for byte', () => {
    const request = exampleRequest();
    expect(
      buildStringToSign({ timestamp: 1_700_000_000, nonce: 'n0nce-3xample', method: 'POST', url: request.url, signedHeaders: ['content-type', 'x-request-id'], headers: request.headers, bodySha256: EXAMPLE.bodySha256 }),
    ).toBe(EXAMPLE.stringToSign);
  });

  test('the Authorization header, byte for byte', async () => {
    const signed = await hmac({ keyId: 'partner-42', secret: EXAMPLE.secret, headers: ['x-request-id'] }).authorize(exampleRequest(), context());
    expect(signed.headers.get('authorization')).toBe(EXAMPLE.authorization);
  });

  test('a string to sign with many signed headers (past the lists the signer keeps) is built the same way', () => {
    const names = Array.from({ length: 40 }, (_, i) => `x-h${i}`);
    const headers = new Headers(names.map((name, i) => [name, `v${i}`]));
    const parts = { timestamp: 1_700_000_000, nonce: 'n', method: 'GET', url: new URL('https://api.example.com/p?b=1&a=2'), signedHeaders: names, headers, bodySha256: 'e'.repeat(64) };
    const expected = ['HMAC-SHA256', '1700000000', 'n', 'GET', 'api.example.com', '/p', 'a=2&b=1', ...names.map((name, i) => `${name}:v${i}`), names.join(';'), 'e'.repeat(64)].join('\n');
    expect(buildStringToSign(parts)).toBe(expected);
    expect(buildStringToSign({ ...parts, signedHeaders: names.slice(0, 2) })).toBe(
      ['HMAC-SHA256', '1700000000', 'n', 'GET', 'api.example.com', '/p', 'a=2&b=1', 'x-h0:v0', 'x-h1:v1', 'x-h0;x-h1', 'e'.repeat(64)].join('\n'),
    );
    expect(buildStringToSign(parts)).toBe(expected);
  });

  test('the same bytes in the request path (headers the send loop owns), before and after other requests', async () => {
    // The signer reuses its lists of lines and sort keys between requests: nothing of one may
    // reach the next, whatever their shapes.
    const credential = hmac({ keyId: 'partner-42', secret: EXAMPLE.secret, headers: ['x-request-id'] });
    const other = { method: 'GET', url: new URL('https://api.example.com/x?z=1&y=2&x=3&w=4'), headers: new Headers({ 'x-request-id': 'r' }), body: undefined };
    for (let round = 0; round < 3; round++) {
      const headers = new SigningHeaders(exampleRequest().headers);
      headers.beginAttempt();
      const signed = await credential.authorize({ ...exampleRequest(), headers }, context());
      expect(signed.headers).toBe(headers);
      expect(headers.get('authorization')).toBe(EXAMPLE.authorization);
      headers.endAttempt();
      expect(headers.beforeAttempt().has('authorization')).toBe(false);
      await credential.authorize(other, context());
    }
  });

  test("a crypto the caller supplies is always called, and signs the same bytes as the platform's", async () => {
    // hmac() skips the awaits behind node:crypto's synchronous digests, but only behind the
    // platform's own crypto: a copy with one method replaced (an HSM, a counter) is honoured.
    const calls: string[] = [];
    // On Node the platform's crypto carries them, where a spread copy cannot pick them up.
    const SYNC = Symbol.for('@signet/core sync digests');
    expect(Object.getOwnPropertySymbols(platformCrypto)).toContain(SYNC);
    expect(Object.getOwnPropertySymbols({ ...platformCrypto })).not.toContain(SYNC);
    const counted = {
      ...platformCrypto,
      hmacSha256: ((key: Uint8Array, data: string, encoding?: 'hex') => (calls.push('hmac'), platformCrypto.hmacSha256(key, data, encoding!))) as typeof platformCrypto.hmacSha256,
      sha256: ((data: Uint8Array, encoding?: 'hex') => (calls.push('sha256'), platformCrypto.sha256(data, encoding!))) as typeof platformCrypto.sha256,
    };
    const own = () => createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }), nonce: () => 'n0nce-3xample', crypto: counted });
    const credential = hmac({ keyId: 'partner-42', secret: EXAMPLE.secret, headers: ['x-request-id'] });
    expect((await credential.authorize(exampleRequest(), own())).headers.get('authorization')).toBe(EXAMPLE.authorization);
    expect(calls).toEqual(['sha256', 'hmac']);
    const get = { method: 'GET', url: new URL('https://api.example.com/'), headers: new Headers({ 'x-request-id': 'r' }), body: undefined };
    expect((await credential.authorize(get, own())).headers.get('authorization')).toBe((await credential.authorize(get, context())).headers.get('authorization'));
    // Errors arrive as a rejected promise on both paths.
    await expect(credential.authorize({ ...get, headers: new Headers() }, own())).rejects.toMatchObject({ code: 'missing_signed_header' });
    await expect(credential.authorize({ ...get, headers: new Headers() }, context())).rejects.toMatchObject({ code: 'missing_signed_header' });
  });

  test('the header parses back to its parts', () => {
    expect(parseHmacAuthorization(EXAMPLE.authorization.slice('HMAC-SHA256 '.length))).toEqual({
      keyId: 'partner-42',
      timestamp: 1_700_000_000,
      nonce: 'n0nce-3xample',
      signedHeaders: ['content-type', 'x-request-id'],
      signature: 'aead5b0eb2f94542d4320cbc9e2b7e26f69df4d145dc224679053ee0cbc3707b',
    });
  });
});

describe('hmac(): signing', () => {
  const credential = hmac({ keyId: 'k1', secret: EXAMPLE.secret });

  test('reads the body, and signs a request without body over the hash of zero bytes', async () => {
    expect(credential.requiresBody).toBe(true);
    const signed = await credential.authorize({ method: 'GET', url: new URL('https://api.example.com/'), headers: new Headers(), body: undefined }, context());
    const auth = parseHmacAuthorization(signed.headers.get('authorization')!.slice(12))!;
    expect(auth.signedHeaders).toEqual([]);
    const expected = buildStringToSign({ ...auth, method: 'GET', url: new URL('https://api.example.com/'), headers: new Headers(), bodySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(auth.signature).toBe(hex(await platformCrypto.hmacSha256(utf8(EXAMPLE.secret), utf8(expected))));
  });

  test('uses the clock at signing time, in whole seconds', async () => {
    const signed = await credential.authorize(exampleRequest(), context(1_700_000_123_999));
    expect(parseHmacAuthorization(signed.headers.get('authorization')!.slice(12))?.timestamp).toBe(1_700_000_123);
  });

  test('a header named for signing but absent is a typed error naming it, and nothing is signed', async () => {
    const strict = hmac({ keyId: 'k1', secret: EXAMPLE.secret, headers: ['x-request-id', 'x-tenant'] });
    const error = await failureOf(() => strict.authorize(exampleRequest(), context()));
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'missing_signed_header' });
    expect((error as Error).message).toBe('headers[1]: "x-tenant" is configured to be signed but the request has no such header');
  });

  test('does not mutate the request', async () => {
    const request = exampleRequest();
    await credential.authorize(request, context());
    expect(request.headers.has('authorization')).toBe(false);
  });

  test.each([
    [{ keyId: 'k', secret: 'x'.repeat(31) }, 'secret', 'at least 32 bytes'],
    [{ keyId: 'k', secret: '' }, 'secret', 'must not be empty'],
    [{ keyId: '', secret: EXAMPLE.secret }, 'keyId', 'visible ASCII'],
    [{ keyId: 'a"b', secret: EXAMPLE.secret }, 'keyId', 'without quotes'],
    [{ keyId: 'k', secret: EXAMPLE.secret, headers: 'x-a' }, 'headers', 'must be an array'],
    [{ keyId: 'k', secret: EXAMPLE.secret, headers: ['x a'] }, 'headers[0]', 'HTTP token'],
    [{ keyId: 'k', secret: EXAMPLE.secret, headers: ['Host'] }, 'headers[0]', 'always handled'],
    [{ keyId: 'k', secret: EXAMPLE.secret, headers: ['x-a', 'X-A'] }, 'headers[1]', 'listed twice'],
  ])('refuses %j, naming %s', (options, field, message) => {
    let error: unknown;
    try {
      hmac(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(message);
  });

  test('a short secret is refused without echoing it', () => {
    let error: unknown;
    try {
      hmac({ keyId: 'k', secret: 'CANARY-short' });
    } catch (caught) {
      error = caught;
    }
    for (const text of [(error as Error).message, String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: Infinity })]) {
      expect(text).not.toContain('CANARY-short');
    }
  });
});

describe('hmac(): clock skew', () => {
  const skew = (header: string, status = 401) => ({ status, headers: new Headers({ 'www-authenticate': header }) });

  test('reads the server time from our challenge only', () => {
    expect(readSkewChallenge(skew('HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="1700000300"'))).toBe(1_700_000_300);
    expect(readSkewChallenge(skew('ApiKey realm="x", HMAC-SHA256 realm="x", error="timestamp_skew", server_time="1700000300", Basic realm="x"'))).toBe(1_700_000_300);
    expect(readSkewChallenge(skew('HMAC-SHA256 realm="x", Basic realm="x", error="timestamp_skew", server_time="1"'))).toBeUndefined();
    expect(readSkewChallenge(skew('HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="1700000300"', 403))).toBeUndefined();
    expect(readSkewChallenge(skew('HMAC-SHA256 realm="signet", error="signature_mismatch"'))).toBeUndefined();
    expect(readSkewChallenge(skew('HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="soon"'))).toBeUndefined();
  });

  test('a skew challenge moves the clock and asks for one re-send of the stale signature', async () => {
    const credential = hmac({ keyId: 'k1', secret: EXAMPLE.secret });
    const ctx = context(1_700_000_000_000);
    const stale = await credential.authorize(exampleRequest(), ctx);
    const challenge = skew('HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="1700000600"');
    expect(await credential.onResponse!(challenge, stale, ctx)).toBe('retry');
    expect(ctx.clock.offsetMs).toBe(600_500);
    // Signed with the corrected clock, the same challenge asks for nothing more.
    const fresh = await credential.authorize(exampleRequest(), ctx);
    expect(await credential.onResponse!(challenge, fresh, ctx)).toBeUndefined();
    expect(await credential.onResponse!({ status: 200, headers: new Headers() }, stale, ctx)).toBeUndefined();
  });

  test('it re-signs even when the Date header already corrected the clock', async () => {
    const credential = hmac({ keyId: 'k1', secret: EXAMPLE.secret });
    const ctx = context(1_700_000_000_000);
    const stale = await credential.authorize(exampleRequest(), ctx);
    ctx.clock.observeServerTime(1_700_000_600_000, 1000); // what the send loop does with Date
    const challenge = skew('HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="1700000600"');
    expect(await credential.onResponse!(challenge, stale, ctx)).toBe('retry');
  });

  test('a skew challenge our signature already agrees with gets no re-send', async () => {
    const credential = hmac({ keyId: 'k1', secret: EXAMPLE.secret });
    const ctx = context(1_700_000_000_000);
    const stale = await credential.authorize(exampleRequest(), ctx);
    ctx.clock.observeServerTime(1_700_000_000_000, 1000);
    // Date says one thing, the challenge another: learning the latter, the former no longer agrees.
    const confused = { status: 401, headers: new Headers({ 'www-authenticate': 'HMAC-SHA256 error="timestamp_skew", server_time="1700000000"' }) };
    expect(await credential.onResponse!(confused, stale, ctx)).toBeUndefined();
  });
});
