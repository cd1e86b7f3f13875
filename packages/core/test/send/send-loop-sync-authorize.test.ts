// The credential contract: authorize may return the signed request itself (nothing to wait for)
// or a promise of it. Given at once, the request goes out in the same turn as send().
import { describe, expect, test } from 'vitest';
import { apiKey, basic, createAuthContext, createClock, createSendLoop, type Credential, SigningHeaders, withHeader } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { hmac } from '@signet/core/hmac';
import { jwt } from '@signet/core/jwt';
import { oauth1 } from '@signet/core/oauth1';
import { fakeTransport, outgoing } from '../support/fake-transport.js';

const API = 'https://api.example.com';

function credentialReturning(result: (request: Parameters<Credential['authorize']>[0]) => ReturnType<Credential['authorize']>): Credential {
  return { scheme: 'test', requiresBody: false, sensitiveHeaders: ['x-proof'], sensitiveQueryParams: [], authorize: (request) => result(request) };
}

describe('send loop: a credential that authorizes synchronously', () => {
  test('the transport is called within send() itself, with the signed headers, also when the caller can cancel', async () => {
    for (const signal of [undefined, new AbortController().signal]) {
      const net = fakeTransport();
      const loop = createSendLoop(
        credentialReturning((request) => withHeader(request, 'x-proof', 'now')),
        { origins: API },
      );
      const sent = loop.send(outgoing(`${API}/a`), net.transport, { signal });
      // No await yet: a sync authorize leaves nothing to wait for before the send.
      expect(net.received).toHaveLength(1);
      expect(net.received[0]!.headers['x-proof']).toBe('now');
      await sent;
    }
  });

  test('a promise still works, and is only sent once it settles', async () => {
    const net = fakeTransport();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loop = createSendLoop(
      credentialReturning(async (request) => (await gate, withHeader(request, 'x-proof', 'later'))),
      { origins: API },
    );
    const sent = loop.send(outgoing(`${API}/a`), net.transport);
    await Promise.resolve();
    expect(net.received).toHaveLength(0);
    release();
    await sent;
    expect(net.received[0]!.headers['x-proof']).toBe('later');
  });

  test('a foreign thenable is awaited and raced with cancellation like a promise', async () => {
    const net = fakeTransport();
    const thenable = (request: Parameters<Credential['authorize']>[0]) =>
      ({ then: (resolve: (value: unknown) => void) => resolve(withHeader(request, 'x-proof', 'thenable')) }) as unknown as Promise<typeof request>;
    const loop = createSendLoop(credentialReturning(thenable), { origins: API });
    await loop.send(outgoing(`${API}/a`), net.transport, { signal: new AbortController().signal });
    expect(net.received[0]!.headers['x-proof']).toBe('thenable');

    const aborted = new AbortController();
    const never = createSendLoop(credentialReturning(() => ({ then() {} }) as unknown as Promise<never>), { origins: API });
    const pending = never.send(outgoing(`${API}/a`), net.transport, { signal: aborted.signal });
    aborted.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    expect(net.received).toHaveLength(1);
  });

  test('a synchronous throw is the send’s rejection, nothing is sent, and the headers are not left mid-attempt', async () => {
    const net = fakeTransport();
    const headers = new SigningHeaders({ 'x-caller': '1' });
    const loop = createSendLoop(
      credentialReturning((request) => {
        request.headers.set('x-proof', 'half-written');
        throw new Error('cannot sign');
      }),
      { origins: API },
    );
    const request = { ...outgoing(`${API}/a`), headers };
    await expect(loop.send(request, net.transport)).rejects.toThrow('cannot sign');
    expect(net.received).toHaveLength(0);
    expect(headers.inAttempt).toBe(false);
  });
});

describe('built-in schemes answer at once when nothing needs waiting for', () => {
  const request = () => ({ method: 'GET', url: new URL(`${API}/a`), headers: new Headers(), body: undefined });
  const context = createAuthContext();

  test('apiKey, basic, a static bearer token and hmac (node:crypto) return the signed request, not a promise', () => {
    for (const credential of [
      apiKey({ key: 'k-1' }),
      apiKey({ key: 'k-1', query: 'api_key' }),
      basic({ username: 'u', password: 'p' }),
      bearer('t-1'),
      hmac({ keyId: 'k', secret: 'a-secret-of-at-least-32-bytes-long!!' }),
    ]) {
      const signed = credential.authorize(request(), context);
      expect([credential.scheme, signed instanceof Promise]).toEqual([credential.scheme, false]);
      const written = signed as Exclude<typeof signed, Promise<unknown>>;
      expect(written.headers.has('authorization') || written.url.searchParams.has('api_key')).toBe(true);
    }
  });

  test('hmac still fails by rejection (a missing signed header), as before', async () => {
    const signed = hmac({ keyId: 'k', secret: 'a-secret-of-at-least-32-bytes-long!!', headers: ['x-request-id'] }).authorize(request(), context);
    expect(signed).toBeInstanceOf(Promise);
    await expect(signed).rejects.toMatchObject({ code: 'missing_signed_header' });
  });

  test('oauth1 (HMAC-SHA1, HMAC-SHA256, PLAINTEXT, with a body hash) answers at once behind the platform crypto, with the header the awaiting path writes', async () => {
    const fixed = { clock: createClock({ now: () => 1_765_000_000_000 }), nonce: () => 'n0nce' };
    const post = () => ({ method: 'POST', url: new URL(`${API}/a?b=c%20d`), headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{"x":1}') });
    for (const signatureMethod of ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'] as const) {
      const credential = oauth1({ consumerKey: 'ck', consumerSecret: 'cs', token: 't', tokenSecret: 'ts', signatureMethod, bodyHash: true });
      const platform = createAuthContext(fixed);
      const signed = credential.authorize(post(), platform);
      expect([signatureMethod, signed instanceof Promise]).toEqual([signatureMethod, false]);
      // A copy of the platform's crypto is a caller's crypto: always called, and awaited.
      const awaited = credential.authorize(post(), createAuthContext({ ...fixed, crypto: { ...platform.crypto } }));
      expect(awaited).toBeInstanceOf(Promise);
      const header = (signed as Awaited<typeof signed>).headers.get('authorization');
      expect(header).toMatch(/oauth_body_hash="[^"]+", oauth_signature="[^"]+"$/);
      expect((await awaited).headers.get('authorization')).toBe(header);
    }
  });

  test('jwt: a promise while it mints, then the request itself while the JWT is fresh', async () => {
    const { privateKey } = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const credential = jwt({ algorithm: 'ES256', key: privateKey, issuer: 'svc' });
    const first = credential.authorize(request(), context);
    expect(first).toBeInstanceOf(Promise);
    const minted = (await first).headers.get('authorization');
    expect(minted).toMatch(/^Bearer ey/);
    const second = credential.authorize(request(), context);
    expect(second).not.toBeInstanceOf(Promise);
    expect((second as Awaited<typeof second>).headers.get('authorization')).toBe(minted);
  });

  test('bearer over a token function: a promise until a token is at hand, then the request itself', async () => {
    let calls = 0;
    const credential = bearer(async () => ({ accessToken: `t-${++calls}`, expiresIn: 3600 }));
    const first = credential.authorize(request(), context);
    expect(first).toBeInstanceOf(Promise);
    expect((await first).headers.get('authorization')).toBe('Bearer t-1');
    const second = credential.authorize(request(), context);
    expect(second).not.toBeInstanceOf(Promise);
    expect((second as Awaited<typeof second>).headers.get('authorization')).toBe('Bearer t-1');
    expect(calls).toBe(1);
  });
});
