import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, secret, type SignableRequest } from '@signet/core';
import { jwt, type JwtOptions } from '@signet/core/jwt';
import { ASYMMETRIC, HS256_SECRET, testKeys } from './keys.js';

const NOW = 1_700_000_000_500;
const keys = Object.fromEntries(await Promise.all(ASYMMETRIC.map(async (alg) => [alg, await testKeys(alg)] as const)));
const es256 = keys.ES256!;

function request(url = 'https://api.example.com/v1/orders?page=2', headers: Record<string, string> = { accept: 'application/json' }): SignableRequest {
  return { method: 'GET', url: new URL(url), headers: new Headers(headers), body: undefined };
}

/** A context on a settable clock, counting nonces (one per mint: the jti). */
function harness(start = NOW, offsetMs = 0) {
  let local = start;
  let nonces = 0;
  const clock = createClock({ now: () => local, offsetMs });
  const context = createAuthContext({ clock, nonce: () => `jti-${++nonces}` });
  return {
    clock,
    context,
    set: (ms: number) => void (local = ms),
    get mints() {
      return nonces;
    },
  };
}

const tokenOf = (signed: SignableRequest) => {
  const header = signed.headers.get('authorization')!;
  expect(header.startsWith('Bearer ')).toBe(true);
  return header.slice('Bearer '.length);
};

const base: JwtOptions = { algorithm: 'ES256', key: es256.privateKey, keyId: 'key-2026-11', issuer: 'billing-service' };

describe('jwt(): the JWT', () => {
  test('header and every claim, exactly', async () => {
    const { context } = harness();
    const signed = await jwt({ ...base, claims: { scope: 'orders:read', tenant: { id: 7 } } }).authorize(request(), context);
    const token = tokenOf(signed);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'key-2026-11' });
    expect(decodeJwt(token)).toEqual({
      iss: 'billing-service',
      sub: 'billing-service',
      aud: 'https://api.example.com',
      iat: 1_700_000_000,
      exp: 1_700_000_300,
      jti: 'jti-1',
      scope: 'orders:read',
      tenant: { id: 7 },
    });
  });

  test('subject, fixed audience and lifetime as configured; no kid header without keyId', async () => {
    const { context } = harness();
    const token = tokenOf(await jwt({ ...base, keyId: undefined, subject: 'user-42', audience: 'urn:orders-api', lifetimeSeconds: 120 }).authorize(request(), context));
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({ iss: 'billing-service', sub: 'user-42', aud: 'urn:orders-api', iat: 1_700_000_000, exp: 1_700_000_120, jti: 'jti-1' });
  });

  test('the request is not mutated; its other headers are kept', async () => {
    const { context } = harness();
    const original = request();
    const signed = await jwt(base).authorize(original, context);
    expect(original.headers.has('authorization')).toBe(false);
    expect(signed.headers.get('accept')).toBe('application/json');
    expect(signed.url).toBe(original.url);
  });

  test('a caller claim changed after creation is not signed (the options are copied)', async () => {
    const { context } = harness();
    const claims = { role: 'reader' };
    const credential = jwt({ ...base, claims });
    claims.role = 'admin';
    expect(decodeJwt(tokenOf(await credential.authorize(request(), context))).role).toBe('reader');
  });
});

describe('jwt(): signatures verify with jose against the public key', () => {
  for (const algorithm of ASYMMETRIC) {
    for (const form of ['CryptoKey', 'JWK', 'PEM', 'PEM Secret'] as const) {
      test(`${algorithm}, key as ${form}`, async () => {
        const k = keys[algorithm]!;
        const key = form === 'CryptoKey' ? k.privateKey : form === 'JWK' ? k.jwk : form === 'PEM' ? k.pem : secret(k.pem);
        const { context } = harness();
        const token = tokenOf(await jwt({ algorithm, key, issuer: 'svc' }).authorize(request(), context));
        const options = { algorithms: [algorithm], issuer: 'svc', audience: 'https://api.example.com', currentDate: new Date(NOW) };
        const { payload, protectedHeader } = await jwtVerify(token, k.publicKey, options);
        expect(protectedHeader.alg).toBe(algorithm);
        expect(payload.jti).toBe('jti-1');
        await expect(jwtVerify(token, k.otherPublicKey, options)).rejects.toThrow(/signature verification failed/);
      });
    }
  }

  for (const form of ['string', 'Secret'] as const) {
    test(`HS256 with the secret as a ${form}`, async () => {
      const { context } = harness();
      const token = tokenOf(await jwt({ algorithm: 'HS256', key: form === 'string' ? HS256_SECRET : secret(HS256_SECRET), issuer: 'svc' }).authorize(request(), context));
      const options = { algorithms: ['HS256'], currentDate: new Date(NOW) };
      expect((await jwtVerify(token, new TextEncoder().encode(HS256_SECRET), options)).protectedHeader.alg).toBe('HS256');
      await expect(jwtVerify(token, new TextEncoder().encode(`${HS256_SECRET}x`), options)).rejects.toThrow(/signature verification failed/);
    });
  }
});

describe('jwt(): one cached JWT per audience', () => {
  test('the same audience reuses the JWT: one mint for many requests', async () => {
    const h = harness();
    const credential = jwt(base);
    const first = (await credential.authorize(request(), h.context)).headers.get('authorization');
    for (let i = 0; i < 5; i++) expect((await credential.authorize(request(`https://api.example.com/v${i}`), h.context)).headers.get('authorization')).toBe(first);
    expect(h.mints).toBe(1);
  });

  test('each origin gets its own JWT, with its own aud', async () => {
    const h = harness();
    const credential = jwt(base);
    const a = tokenOf(await credential.authorize(request('https://api.example.com/x'), h.context));
    const b = tokenOf(await credential.authorize(request('https://eu.api.example.com/x'), h.context));
    const a2 = tokenOf(await credential.authorize(request('https://api.example.com/y'), h.context));
    expect(decodeJwt(a).aud).toBe('https://api.example.com');
    expect(decodeJwt(b).aud).toBe('https://eu.api.example.com');
    expect(a2).toBe(a);
    expect(h.mints).toBe(2);
  });

  test('a fixed audience shares one JWT across origins', async () => {
    const h = harness();
    const credential = jwt({ ...base, audience: 'urn:api' });
    const a = tokenOf(await credential.authorize(request('https://api.example.com/x'), h.context));
    const b = tokenOf(await credential.authorize(request('https://eu.api.example.com/x'), h.context));
    expect(b).toBe(a);
    expect(h.mints).toBe(1);
  });

  test('a computed audience is called with the request and keys the cache', async () => {
    const h = harness();
    const seen: string[] = [];
    const credential = jwt({ ...base, audience: ({ request: r }) => (seen.push(r.url.pathname), `${r.url.origin}${r.url.pathname.split('/').slice(0, 2).join('/')}`) });
    const orders = tokenOf(await credential.authorize(request('https://api.example.com/orders/1'), h.context));
    const orders2 = tokenOf(await credential.authorize(request('https://api.example.com/orders/2'), h.context));
    const users = tokenOf(await credential.authorize(request('https://api.example.com/users/1'), h.context));
    expect(seen).toEqual(['/orders/1', '/orders/2', '/users/1']);
    expect(decodeJwt(orders).aud).toBe('https://api.example.com/orders');
    expect(decodeJwt(users).aud).toBe('https://api.example.com/users');
    expect(orders2).toBe(orders);
    expect(h.mints).toBe(2);
  });

  test('a new JWT from exp - refreshMarginSeconds on (default 300 s lifetime, 60 s margin), on the injected clock', async () => {
    const h = harness();
    const credential = jwt(base);
    const first = tokenOf(await credential.authorize(request(), h.context));
    h.set(1_700_000_240_000 - 1); // iat 1_700_000_000 + 240 s, minus 1 ms: still reused
    expect(tokenOf(await credential.authorize(request(), h.context))).toBe(first);
    h.set(1_700_000_240_000);
    const second = tokenOf(await credential.authorize(request(), h.context));
    expect(second).not.toBe(first);
    expect(decodeJwt(second)).toMatchObject({ iat: 1_700_000_240, exp: 1_700_000_540, jti: 'jti-2' });
    expect(h.mints).toBe(2);
  });

  test('refreshMarginSeconds moves the re-mint', async () => {
    const h = harness();
    const credential = jwt({ ...base, lifetimeSeconds: 100, refreshMarginSeconds: 10 });
    await credential.authorize(request(), h.context);
    h.set(1_700_000_089_999);
    await credential.authorize(request(), h.context);
    expect(h.mints).toBe(1);
    h.set(1_700_000_090_000);
    await credential.authorize(request(), h.context);
    expect(h.mints).toBe(2);
  });

  test('concurrent requests on a cold cache share one mint', async () => {
    const h = harness();
    const credential = jwt(base);
    const signed = await Promise.all(Array.from({ length: 8 }, () => credential.authorize(request(), h.context)));
    expect(new Set(signed.map((s) => s.headers.get('authorization'))).size).toBe(1);
    expect(h.mints).toBe(1);
  });
});

describe('jwt(): time comes from the server-corrected clock', () => {
  const SERVER = 1_700_000_000_000;

  test('a client clock 10 minutes behind signs in server time once the offset is learned', async () => {
    const h = harness(SERVER - 600_000);
    h.clock.observeServerTime(SERVER, 1000);
    const token = tokenOf(await jwt(base).authorize(request(), h.context));
    // The Date reading is taken as the middle of its second.
    expect(decodeJwt(token)).toMatchObject({ iat: 1_700_000_000, exp: 1_700_000_300 });
  });

  test('a cached JWT minted on a clock 10 minutes ahead is minted again when the offset is learned', async () => {
    const h = harness(SERVER + 600_000);
    const credential = jwt(base);
    const early = tokenOf(await credential.authorize(request(), h.context));
    expect(decodeJwt(early).iat).toBe(1_700_000_600); // in the server's future: it would be refused
    h.clock.observeServerTime(SERVER, 1000);
    const corrected = tokenOf(await credential.authorize(request(), h.context));
    expect(decodeJwt(corrected)).toMatchObject({ iat: 1_700_000_000, exp: 1_700_000_300, jti: 'jti-2' });
    // And the corrected one is cached: the offset no longer moves.
    expect(tokenOf(await credential.authorize(request(), h.context))).toBe(corrected);
  });
});
