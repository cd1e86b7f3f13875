// Integration: withAuth over Node's real fetch against the real verifier server on loopback.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, basic, createClock, type SignetEvent } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { oauth1 } from '@signet/core/oauth1';
import { withAuth } from '@signet/fetch';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';

const KEY = 'sk_live_loopback_01';
const verifier = createVerifier({
  apiKey: { clients: { 'svc-a': KEY }, header: 'X-API-Key' },
  basic: { users: { 'zoë': 'pässwörd' } },
});
const redirect = (status: number) => async (request: Request) =>
  new Response(null, { status, headers: { location: new URL(request.url).searchParams.get('to')! } });

let home: VerifierServer;
let other: VerifierServer;
beforeAll(async () => {
  const routes = { '/redirect/302': redirect(302), '/redirect/307': redirect(307) };
  // Two servers, so two origins: 127.0.0.1 on two ports.
  [home, other] = await Promise.all([startVerifierServer({ verifier, routes }), startVerifierServer({ verifier, routes })]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
});
const report = async (response: Response) => (await response.json()) as VerifierResponseBody;

describe('withAuth(fetch) → verifier server on loopback', () => {
  test('API key in a custom header and Basic in UTF-8 round trip', async () => {
    const keyed = withAuth(fetch, apiKey({ key: KEY, header: 'X-API-Key' }), { origins: home.origin });
    expect(await report(await keyed(`${home.origin}/orders?page=2`))).toMatchObject({ verified: true, identity: 'svc-a', path: '/orders' });
    const user = withAuth(fetch, basic({ username: 'zoë', password: 'pässwörd' }), { origins: home.origin });
    expect(await report(await user(`${home.origin}/me`))).toMatchObject({ verified: true, scheme: 'basic', identity: 'zoë' });
  });

  test('a wrong key is refused with 401', async () => {
    const wrong = withAuth(fetch, apiKey({ key: 'sk_wrong', header: 'X-API-Key' }), { origins: home.origin });
    const response = await wrong(`${home.origin}/orders`);
    expect(response.status).toBe(401);
    expect(await report(response)).toMatchObject({ verified: false, reason: 'unknown_key' });
  });

  test('a Request with a body keeps headers and body', async () => {
    const keyed = withAuth(fetch, apiKey({ key: KEY, header: 'X-API-Key' }), { origins: home.origin });
    const response = await keyed(new Request(`${home.origin}/r`, { method: 'POST', body: 'hello', headers: { 'x-request-id': '42' } }));
    const body = await report(response);
    expect(body).toMatchObject({ verified: true, method: 'POST', bodyBytes: 5 });
    expect(body.headerNames).toContain('x-request-id');
  });

  test('a redirect to another origin arrives there with no credential', async () => {
    const events: SignetEvent[] = [];
    const keyed = withAuth(fetch, apiKey({ key: KEY, header: 'X-API-Key' }), { origins: home.origin, onEvent: (e) => events.push(e) });
    const response = await keyed(`${home.origin}/redirect/302?to=${encodeURIComponent(`${other.origin}/landing`)}`);
    const body = await report(response);
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ verified: false, reason: 'missing_credentials', path: '/landing' });
    expect(body.headerNames).not.toContain('x-api-key');
    expect(events.map((e) => e.type)).toEqual(['redirect.followed', 'credentials.withheld']);
  });

  test('a same-origin 307 is authorized again and the body survives', async () => {
    const keyed = withAuth(fetch, apiKey({ key: KEY, header: 'X-API-Key' }), { origins: home.origin });
    const response = await keyed(`${home.origin}/redirect/307?to=${encodeURIComponent('/after')}`, { method: 'PUT', body: new Uint8Array(1000) });
    expect(await report(response)).toMatchObject({ verified: true, method: 'PUT', path: '/after', bodyBytes: 1000 });
  });

  test('a streamed body is sent once and a 307 that needs it again fails, sending nothing empty', async () => {
    const keyed = withAuth(fetch, apiKey({ key: KEY, header: 'X-API-Key' }), { origins: home.origin });
    const body = new Blob(['x'.repeat(100)]).stream();
    const error = await keyed(`${home.origin}/redirect/307?to=${encodeURIComponent('/after')}`, { method: 'POST', body, duplex: 'half' } as RequestInit).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'body_not_replayable' });
  });
});

describe('HMAC through fetch → verifier server on loopback', () => {
  const SECRET = 'loopback-hmac-secret-0123456789-abcdef';
  let server: VerifierServer;
  beforeAll(async () => {
    server = await startVerifierServer({ verifier: createVerifier({ hmac: { keys: { 'partner-42': SECRET } } }) });
  });
  afterAll(() => server.close());

  test('a signed POST with a JSON body is accepted, and the body arrives intact', async () => {
    const api = withAuth(fetch, hmac({ keyId: 'partner-42', secret: SECRET }), { origins: server.origin });
    const response = await api(`${server.origin}/orders?b=2&a=%7e`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"A-1"}' });
    expect(await report(response)).toMatchObject({ verified: true, scheme: 'hmac', identity: 'partner-42', bodyBytes: 13 });
  });

  test('a client clock 7 minutes slow is refused once, learns the server time, and gets in on the re-sign', async () => {
    const events: SignetEvent[] = [];
    const slow = createClock({ now: () => Date.now() - 7 * 60_000 });
    const api = withAuth(fetch, hmac({ keyId: 'partner-42', secret: SECRET }), { origins: server.origin, clock: slow, onEvent: (e) => events.push(e) });
    const response = await api(`${server.origin}/orders`, { method: 'PUT', body: new Uint8Array([1, 2, 3]) });
    expect(await report(response)).toMatchObject({ verified: true, bodyBytes: 3 });
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry']);
    expect(Math.abs(slow.offsetMs - 7 * 60_000)).toBeLessThan(2_000);
  });

  test('a streamed body is buffered for signing, so it can be signed and re-sent', async () => {
    const api = withAuth(fetch, hmac({ keyId: 'partner-42', secret: SECRET }), { origins: server.origin });
    const body = new Blob(['streamed payload']).stream();
    const response = await api(`${server.origin}/upload`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await report(response)).toMatchObject({ verified: true, bodyBytes: 16 });
  });
});

describe('OAuth 1.0a through fetch → verifier server on loopback', () => {
  const CLIENT = { consumerKey: 'printer', consumerSecret: 'loopback-consumer-secret', token: 'jane-token', tokenSecret: 'loopback-token-secret' };
  let server: VerifierServer;
  beforeAll(async () => {
    server = await startVerifierServer({
      verifier: createVerifier({ oauth1: { consumers: { printer: CLIENT.consumerSecret }, tokens: { 'jane-token': CLIENT.tokenSecret } } }),
    });
  });
  afterAll(() => server.close());

  test('a form POST with a "+", "*" and "~" in query and body is accepted, and the body arrives intact', async () => {
    const api = withAuth(fetch, oauth1({ ...CLIENT, realm: 'loopback' }), { origins: server.origin });
    const response = await api(`${server.origin}/statuses?q=a+b*c~d&q=`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=Hello+Ladies+%2B+Gentlemen%2C+%2A~',
    });
    expect(await report(response)).toMatchObject({ verified: true, scheme: 'oauth1', identity: 'printer', bodyBytes: 41 });
  });

  test('a JSON body with oauth_body_hash, and a wrong token secret refused', async () => {
    const api = withAuth(fetch, oauth1({ ...CLIENT, bodyHash: true }), { origins: server.origin });
    const response = await api(`${server.origin}/orders`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"sku":"A-1"}' });
    expect(await report(response)).toMatchObject({ verified: true, scheme: 'oauth1', bodyBytes: 13 });
    const wrong = withAuth(fetch, oauth1({ ...CLIENT, tokenSecret: 'not-the-secret' }), { origins: server.origin });
    const refused = await wrong(`${server.origin}/orders`);
    expect(refused.status).toBe(401);
    expect(await report(refused)).toMatchObject({ verified: false, reason: 'signature_mismatch' });
  });

  test('a client clock 7 minutes fast is refused once, learns the server time, and gets in on the re-sign', async () => {
    const events: SignetEvent[] = [];
    const fast = createClock({ now: () => Date.now() + 7 * 60_000 });
    const api = withAuth(fetch, oauth1(CLIENT), { origins: server.origin, clock: fast, onEvent: (e) => events.push(e) });
    expect(await report(await api(`${server.origin}/photos?file=vacation.jpg`))).toMatchObject({ verified: true, identity: 'printer' });
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry']);
  });
});
