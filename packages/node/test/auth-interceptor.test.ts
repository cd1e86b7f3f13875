// Integration: authInterceptor composed onto undici dispatchers, against the real verifier server on loopback.
import { inspect } from 'node:util';
import { Agent, fetch as undiciFetch, interceptors, request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, type Credential, SignetRequestError, type SignetEvent } from '@signet/core';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { type AuthInterceptorOptions, authInterceptor } from '../src/index.js';
import { alwaysSkewed, apiKeyCredential, bodyKinds, CANARY, hmacCredential, loopbackTls, policy, redirectTo, schemes, startHttpsRedirector } from './support/fixtures.js';

const skewed = { count: 0 };
let arrived: () => void = () => undefined;
const nextArrival = () => new Promise<void>((resolve) => (arrived = resolve));
const BIG = 3 * 1024 * 1024;
let home: VerifierServer;
let other: VerifierServer;
const agents: Agent[] = [];
beforeAll(async () => {
  const verifier = createVerifier(policy);
  const routes = {
    '/redirect/302': redirectTo(302),
    '/redirect/307': redirectTo(307),
    '/always-skewed': alwaysSkewed(skewed),
    '/hang': () => (arrived(), new Promise<Response>(() => undefined)),
    '/big': async () => new Response(new Uint8Array(BIG).fill(7)),
  };
  [home, other] = await Promise.all([startVerifierServer({ verifier, routes }), startVerifierServer({ verifier, routes })]);
});
afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.destroy()));
  await Promise.all([home.close(), other.close()]);
});

/** An Agent composed with the interceptor, closed after the tests. */
function authorized(credential: Credential, options: Partial<AuthInterceptorOptions> = {}, agent = new Agent()) {
  agents.push(agent);
  return agent.compose(authInterceptor(credential, { origins: home.origin, ...options }));
}
const toMatch = (from: string, to: string) => `${home.origin}${from}?to=${encodeURIComponent(to)}`;

describe('undici.request through an Agent composed with authInterceptor', () => {
  for (const scheme of schemes) {
    test.each(bodyKinds)(`${scheme.name}: a POST with a $name body is verified and arrives whole`, async (kind) => {
      const dispatcher = authorized(scheme.make());
      const { statusCode, body } = await request(`${home.origin}/orders?b=2&a=%7e`, {
        dispatcher,
        method: 'POST',
        headers: kind.contentType === undefined ? {} : { 'content-type': kind.contentType, 'webhook-id': 'evt_1' },
        body: kind.make(),
      });
      expect(statusCode).toBe(200);
      expect(await body.json()).toMatchObject({ verified: true, identity: scheme.identity, method: 'POST', path: '/orders', bodyBytes: kind.bytes });
    });
  }

  test('a large response is forwarded whole, in order, with backpressure', async () => {
    const { statusCode, body } = await request(`${home.origin}/big`, { dispatcher: authorized(apiKeyCredential()) });
    expect(statusCode).toBe(200);
    const bytes = new Uint8Array(await body.arrayBuffer());
    expect(bytes.byteLength).toBe(BIG);
    expect(bytes.every((b) => b === 7)).toBe(true);
  });

  test('a 401 that keeps asking for a re-sign gets exactly one re-send, and the caller gets the second 401', async () => {
    skewed.count = 0;
    const events: SignetEvent[] = [];
    const { statusCode, body } = await request(`${home.origin}/always-skewed`, { dispatcher: authorized(hmacCredential(), { onEvent: (e) => events.push(e) }), method: 'PUT', body: 'again' });
    await body.dump();
    expect(statusCode).toBe(401);
    expect(skewed.count).toBe(2);
    expect(events.filter((e) => e.type === 'auth.retry')).toHaveLength(1);
  });

  test('a redirect to another origin arrives there with no credential, whatever redirect interceptor is composed around', async () => {
    const viaOther = toMatch('/redirect/302', `${other.origin}/landing`);
    const dispatchers = {
      alone: authorized(apiKeyCredential()),
      // undici's redirect interceptor below ours: our maxRedirections: 0 turns it off, the loop follows.
      'redirect inside': new Agent().compose(interceptors.redirect({ maxRedirections: 5 }), authInterceptor(apiKeyCredential(), { origins: home.origin })),
      // and above ours: it never sees the 3xx, since the loop has followed it.
      'redirect outside': new Agent().compose(authInterceptor(apiKeyCredential(), { origins: home.origin }), interceptors.redirect({ maxRedirections: 5 })),
      // with redirect: 'manual' ours passes the 3xx up, and undici's follows it as a new dispatch through ours.
      'manual, redirect outside': new Agent().compose(authInterceptor(apiKeyCredential(), { origins: home.origin, redirect: 'manual' }), interceptors.redirect({ maxRedirections: 5 })),
    };
    for (const [name, dispatcher] of Object.entries(dispatchers)) {
      const { statusCode, body } = await request(viaOther, { dispatcher });
      const report = (await body.json()) as VerifierResponseBody;
      expect({ name, statusCode, ...report }).toMatchObject({ name, statusCode: 401, verified: false, reason: 'missing_credentials', path: '/landing' });
      expect(report.headerNames).not.toContain('x-api-key');
    }
  });

  test('a same-origin 307 is authorized again with its body; a stream body fails with body_not_replayable', async () => {
    const dispatcher = authorized(apiKeyCredential());
    const to = toMatch('/redirect/307', '/after');
    const { body } = await request(to, { dispatcher, method: 'PUT', body: new Uint8Array(1000) });
    expect(await body.json()).toMatchObject({ verified: true, path: '/after', bodyBytes: 1000 });
    const stream = bodyKinds.find((k) => k.name === 'stream')!.make();
    await expect(request(to, { dispatcher, method: 'PUT', body: stream })).rejects.toMatchObject({ code: 'body_not_replayable' });
  });

  test("redirect: 'manual' passes the 3xx up as it is", async () => {
    const { statusCode, headers, body } = await request(toMatch('/redirect/302', '/x'), { dispatcher: authorized(apiKeyCredential(), { redirect: 'manual' }) });
    await body.dump();
    expect(statusCode).toBe(302);
    expect(headers.location).toBe('/x');
  });

  test('https → http is refused', async () => {
    const tls = await startHttpsRedirector(() => `${home.origin}/orders`);
    try {
      const dispatcher = authorized(apiKeyCredential(), { origins: tls.origin }, new Agent({ connect: { ca: loopbackTls.ca } }));
      await expect(request(`${tls.origin}/start`, { dispatcher })).rejects.toMatchObject({ code: 'redirect_downgrade' });
    } finally {
      await tls.close();
    }
  });

  test('an AbortSignal cancels a request in flight, and one aborted before the call sends nothing', async () => {
    const dispatcher = authorized(apiKeyCredential());
    const controller = new AbortController();
    const arrival = nextArrival();
    const pending = request(`${home.origin}/hang`, { dispatcher, signal: controller.signal });
    await arrival;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    let signed = 0;
    const counting = apiKeyCredential();
    const never = authorized({ ...counting, authorize: (r, c) => (signed++, counting.authorize(r, c)) });
    await expect(request(`${home.origin}/orders`, { dispatcher: never, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(signed).toBe(0);
  });

  test('errors carry no secret: not in JSON, inspect, message or stack', async () => {
    const errors: unknown[] = [];
    const dispatcher = authorized(apiKeyCredential(), { maxRedirects: 0 });
    errors.push(await request(`${toMatch('/redirect/302', '/x')}&token=${CANARY}`, { dispatcher, headers: { 'x-secret': CANARY } }).catch((e: unknown) => e));
    const tls = await startHttpsRedirector(() => `${home.origin}/?k=${CANARY}`);
    try {
      const signed = authorized(hmacCredential(), { origins: tls.origin }, new Agent({ connect: { ca: loopbackTls.ca } }));
      errors.push(await request(`${tls.origin}/start?k=${CANARY}`, { dispatcher: signed, method: 'POST', body: CANARY }).catch((e: unknown) => e));
    } finally {
      await tls.close();
    }
    expect(errors.map((e) => (e as SignetRequestError).code)).toEqual(['too_many_redirects', 'redirect_downgrade']);
    for (const error of errors) {
      const e = error as Error;
      for (const view of [JSON.stringify(e), inspect(e, { depth: 10 }), e.message, String(e.stack)]) expect(view).not.toContain(CANARY);
    }
  });

  test('a wrong key: one request, the 401 returned as it is', async () => {
    const wrong = apiKey({ key: 'sk_wrong', header: 'X-API-Key' });
    let signed = 0;
    const { statusCode, body } = await request(`${home.origin}/orders`, { dispatcher: authorized({ ...wrong, authorize: (r, c) => (signed++, wrong.authorize(r, c)) }) });
    expect(statusCode).toBe(401);
    expect(await body.json()).toMatchObject({ verified: false, reason: 'unknown_key' });
    expect(signed).toBe(1);
  });
});

describe('fetch with an authorized dispatcher', () => {
  test("undici's fetch: every scheme with a JSON body", async () => {
    for (const scheme of schemes) {
      const response = await undiciFetch(`${home.origin}/orders`, {
        dispatcher: authorized(scheme.make()),
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': 'evt_2' },
        body: '{"sku":"A-1"}',
      });
      expect({ scheme: scheme.name, ...((await response.json()) as object) }).toMatchObject({ scheme: scheme.name, verified: true, bodyBytes: 13 });
    }
  });

  test("undici's fetch: a cross-origin redirect is followed by Signet and arrives with no credential", async () => {
    const response = await undiciFetch(toMatch('/redirect/302', `${other.origin}/landing`), { dispatcher: authorized(apiKeyCredential()), method: 'POST', body: 'x' });
    const report = (await response.json()) as VerifierResponseBody;
    expect(report).toMatchObject({ verified: false, reason: 'missing_credentials', method: 'GET', path: '/landing', bodyBytes: 0 });
    expect(report.headerNames).not.toContain('x-api-key');
  });

  test("undici's fetch hands every body down as a one-shot stream, so a 307 that needs it again fails typed, never empty", async () => {
    const error = await undiciFetch(toMatch('/redirect/307', '/after'), { dispatcher: authorized(apiKeyCredential()), method: 'POST', body: 'x' }).catch((e: unknown) => e);
    expect((error as Error).cause).toMatchObject({ code: 'body_not_replayable' });
  });

  test("undici's fetch with redirect: 'manual' on the interceptor: fetch follows, each hop a new dispatch, still no credential off origin", async () => {
    const dispatcher = authorized(apiKeyCredential(), { redirect: 'manual' });
    const response = await undiciFetch(toMatch('/redirect/302', `${other.origin}/landing`), { dispatcher });
    expect(response.redirected).toBe(true);
    expect(await response.json()).toMatchObject({ verified: false, reason: 'missing_credentials', path: '/landing' });
  });

  test("Node's global fetch accepts the undici 7 dispatcher", async () => {
    const response = await fetch(`${home.origin}/orders`, { dispatcher: authorized(hmacCredential()), method: 'POST', body: '{"a":1}' } as RequestInit);
    expect(await response.json()).toMatchObject({ verified: true, scheme: 'hmac', bodyBytes: 7 });
  });
});
