// Integration: authorizeRequests over node:http/https against the real verifier server on loopback.
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, createClock, SignetRequestError, type SignetEvent } from '@signet/core';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { authorizeRequests } from '../src/index.js';
import { alwaysSkewed, apiKeyCredential, bodyKinds, CANARY, hmacCredential, loopbackTls, policy, redirectTo, schemes, startHttpsRedirector } from './support/fixtures.js';

const skewed = { count: 0 };
// Resolved each time /hang receives a request, so a test can abort it in flight without sleeping.
let arrived: () => void = () => undefined;
const nextArrival = () => new Promise<void>((resolve) => (arrived = resolve));
let home: VerifierServer;
let other: VerifierServer;
beforeAll(async () => {
  const verifier = createVerifier(policy);
  const routes = { '/redirect/302': redirectTo(302), '/redirect/307': redirectTo(307), '/always-skewed': alwaysSkewed(skewed), '/hang': () => (arrived(), new Promise<Response>(() => undefined)) };
  [home, other] = await Promise.all([startVerifierServer({ verifier, routes }), startVerifierServer({ verifier, routes })]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
});

async function text(res: IncomingMessage): Promise<string> {
  let out = '';
  for await (const chunk of res) out += String(chunk);
  return out;
}
const report = async (res: IncomingMessage) => JSON.parse(await text(res)) as VerifierResponseBody;

describe('authorizeRequests → verifier server on loopback', () => {
  for (const scheme of schemes) {
    test.each(bodyKinds)(`${scheme.name}: a POST with a $name body is verified and arrives whole`, async (kind) => {
      const request = authorizeRequests(scheme.make(), { origins: home.origin });
      const res = await request(`${home.origin}/orders?b=2&a=%7e`, {
        method: 'POST',
        headers: kind.contentType === undefined ? {} : { 'content-type': kind.contentType, 'webhook-id': 'evt_1' },
        body: kind.make(),
      });
      expect(res.statusCode).toBe(200);
      expect(await report(res)).toMatchObject({ verified: true, identity: scheme.identity, method: 'POST', path: '/orders', bodyBytes: kind.bytes });
    });
  }

  test('a URLSearchParams body is sent as a form, with the content type fetch would add', async () => {
    const request = authorizeRequests(schemes.find((s) => s.name === 'oauth1')!.make(), { origins: home.origin });
    const res = await request(`${home.origin}/statuses`, { method: 'post', body: new URLSearchParams({ status: 'Hello Ladies + Gentlemen' }) });
    expect(await report(res)).toMatchObject({ verified: true, method: 'POST', bodyBytes: 33 });
  });

  test('a wrong key gets the 401 back as it is, after one request; a key set by hand is replaced by the credential', async () => {
    const wrong = apiKey({ key: 'sk_wrong', header: 'X-API-Key' });
    let sends = 0;
    const request = authorizeRequests({ ...wrong, authorize: (r, c) => (sends++, wrong.authorize(r, c)) }, { origins: home.origin });
    const res = await request(`${home.origin}/orders`);
    expect(res.statusCode).toBe(401);
    expect(await report(res)).toMatchObject({ verified: false, reason: 'unknown_key' });
    expect(sends).toBe(1);
    const right = authorizeRequests(apiKeyCredential(), { origins: home.origin });
    expect(await report(await right(`${home.origin}/orders`, { headers: { 'x-api-key': 'sk_by_hand' } }))).toMatchObject({ verified: true });
  });

  test('a 401 that keeps asking for a re-sign gets exactly one re-send', async () => {
    skewed.count = 0;
    const events: SignetEvent[] = [];
    const request = authorizeRequests(hmacCredential(), { origins: home.origin, onEvent: (e) => events.push(e) });
    const res = await request(`${home.origin}/always-skewed`, { method: 'PUT', body: 'again' });
    res.resume();
    expect(res.statusCode).toBe(401);
    expect(skewed.count).toBe(2);
    expect(events.filter((e) => e.type === 'auth.retry')).toHaveLength(1);
  });

  test('a client clock 7 minutes slow is refused once and gets in on the re-sign, with a stream body buffered for it', async () => {
    const events: SignetEvent[] = [];
    const slow = createClock({ now: () => Date.now() - 7 * 60_000 });
    const request = authorizeRequests(hmacCredential(), { origins: home.origin, clock: slow, onEvent: (e) => events.push(e) });
    const res = await request(`${home.origin}/orders`, { method: 'POST', body: Readable.from([Buffer.from('abc')]) });
    expect(await report(res)).toMatchObject({ verified: true, bodyBytes: 3 });
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry']);
  });

  test('a redirect to another origin arrives there with no credential', async () => {
    const events: SignetEvent[] = [];
    const request = authorizeRequests(apiKeyCredential(), { origins: home.origin, onEvent: (e) => events.push(e) });
    const res = await request(`${home.origin}/redirect/302?to=${encodeURIComponent(`${other.origin}/landing`)}`);
    const body = await report(res);
    expect(res.statusCode).toBe(401);
    expect(body).toMatchObject({ verified: false, reason: 'missing_credentials', path: '/landing' });
    expect(body.headerNames).not.toContain('x-api-key');
    expect(events.map((e) => e.type)).toEqual(['redirect.followed', 'credentials.withheld']);
  });

  test('a same-origin 307 is authorized again and the bytes body survives; a stream body fails before anything is re-sent', async () => {
    const request = authorizeRequests(apiKeyCredential(), { origins: home.origin });
    const to = `${home.origin}/redirect/307?to=${encodeURIComponent('/after')}`;
    expect(await report(await request(to, { method: 'PUT', body: new Uint8Array(1000) }))).toMatchObject({ verified: true, path: '/after', bodyBytes: 1000 });
    const error = await request(to, { method: 'PUT', body: Readable.from([Buffer.from('once')]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'body_not_replayable' });
  });

  test("redirect: 'manual' returns the 3xx", async () => {
    const request = authorizeRequests(apiKeyCredential(), { origins: home.origin });
    const res = await request(`${home.origin}/redirect/302?to=/x`, { redirect: 'manual' });
    res.resume();
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/x');
  });

  test('https → http is refused, and the https hop went through the given agent', async () => {
    const tls = await startHttpsRedirector(() => `${home.origin}/orders`);
    try {
      const request = authorizeRequests(apiKeyCredential(), { origins: tls.origin });
      const agent = new HttpsAgent({ ca: loopbackTls.ca });
      const error = await request(`${tls.origin}/start`, { agent }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'redirect_downgrade' });
      // Without the agent (and its CA) the test CA's certificate is refused: the agent was used.
      await expect(request(`${tls.origin}/start`)).rejects.toMatchObject({ code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    } finally {
      await tls.close();
    }
  });

  test('an AbortSignal cancels a request in flight, and one aborted before the call sends nothing', async () => {
    const request = authorizeRequests(apiKeyCredential(), { origins: home.origin });
    const controller = new AbortController();
    const arrival = nextArrival();
    const pending = request(`${home.origin}/hang`, { signal: controller.signal });
    await arrival;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(request(`${home.origin}/orders`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a timeout fails the request with ETIMEDOUT', async () => {
    const request = authorizeRequests(apiKeyCredential(), { origins: home.origin });
    // A POST, so the send loop does not retry it as it may a GET after a network failure.
    await expect(request(`${home.origin}/hang`, { method: 'POST', timeout: 30 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });

  test('errors carry no secret: not in JSON, inspect, message or stack', async () => {
    const errors: unknown[] = [];
    const query = authorizeRequests(schemes[0]!.make(), { origins: home.origin, maxRedirects: 0 });
    errors.push(await query(`${home.origin}/redirect/302?to=/x&token=${CANARY}`).catch((e: unknown) => e));
    const tls = await startHttpsRedirector(() => `${home.origin}/?k=${CANARY}`);
    try {
      const request = authorizeRequests(hmacCredential(), { origins: tls.origin });
      errors.push(await request(`${tls.origin}/start?k=${CANARY}`, { agent: new HttpsAgent({ ca: loopbackTls.ca }), headers: { 'x-secret': CANARY } }).catch((e: unknown) => e));
    } finally {
      await tls.close();
    }
    expect(errors.map((e) => (e as SignetRequestError).code)).toEqual(['too_many_redirects', 'redirect_downgrade']);
    for (const error of errors) {
      const e = error as Error;
      for (const view of [JSON.stringify(e), inspect(e, { depth: 10 }), e.message, String(e.stack)]) expect(view).not.toContain(CANARY);
    }
  });
});
