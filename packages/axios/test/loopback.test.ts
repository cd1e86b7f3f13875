// Integration: attachAuth over axios's real Node http adapter (and its fetch adapter) against the
// real verifier server on loopback, for every scheme core signs and every body kind.
import { Readable } from 'node:stream';
import axios, { type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, basic, type Credential, createClock, type SignetEvent } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { httpSignature } from '@signet/core/http-signatures';
import { oauth1 } from '@signet/core/oauth1';
import { webhook } from '@signet/core/webhooks';
import { attachAuth } from '@signet/axios';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { API_KEY, BASIC, HMAC, OAUTH, policy, SIGNING, WEBHOOK_SECRET } from './policy.js';

const verifier = createVerifier(policy);
const redirect = (status: number) => async (request: Request) =>
  new Response(null, { status, headers: { location: new URL(request.url).searchParams.get('to')! } });
let skewHits = 0;
const routes = {
  '/redirect/302': redirect(302),
  '/redirect/307': redirect(307),
  // Always refuses with a clock-skew challenge carrying the real time: a client that re-sends more
  // than once per request would show up in the count.
  '/always-skew': async () => {
    skewHits++;
    const serverTime = Math.floor(Date.now() / 1000);
    return new Response(null, { status: 401, headers: { 'www-authenticate': `HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="${serverTime}"` } });
  },
};

let home: VerifierServer;
let other: VerifierServer;
beforeAll(async () => {
  // Two servers, so two origins: 127.0.0.1 on two ports.
  [home, other] = await Promise.all([startVerifierServer({ verifier, routes }), startVerifierServer({ verifier, routes })]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
});

function client(credential: Credential, config: Parameters<typeof axios.create>[0] = {}, onEvent?: (event: SignetEvent) => void): AxiosInstance {
  return attachAuth(axios.create({ baseURL: home.origin, ...config }), credential, { origins: home.origin, ...(onEvent ? { onEvent } : {}) });
}
const keyed = () => client(apiKey({ key: API_KEY, header: 'X-API-Key' }));

describe.each(['http', 'fetch'] as const)('attachAuth(axios, adapter %s) → verifier server on loopback', (adapter) => {
  const signers: Array<[string, () => Credential]> = [
    ['api-key', () => apiKey({ key: API_KEY, header: 'X-API-Key' })],
    ['basic', () => basic(BASIC)],
    ['hmac', () => hmac(HMAC)],
    ['webhook', () => webhook({ secrets: WEBHOOK_SECRET })],
    ['http-signature', () => httpSignature(SIGNING)],
    ['oauth1', () => oauth1({ ...OAUTH, bodyHash: true })],
  ];

  test.each(signers)('%s: a JSON object body, serialized by axios, is verified byte for byte', async (scheme, make) => {
    const api = client(make(), { adapter });
    const { status, data } = await api.post<VerifierResponseBody>('/orders', { sku: 'A-1', qty: 2 }, { params: { b: 2, a: '~' } });
    expect(status).toBe(200);
    expect(data).toMatchObject({ verified: true, scheme, method: 'POST', path: '/orders', bodyBytes: JSON.stringify({ sku: 'A-1', qty: 2 }).length });
  });

  test.each(signers)('%s: a GET with no body is verified', async (scheme, make) => {
    const { data } = await client(make(), { adapter }).get<VerifierResponseBody>('/orders', { params: { page: 2 } });
    expect(data).toMatchObject({ verified: true, scheme, method: 'GET', bodyBytes: 0 });
  });

  const bodies: Array<[string, () => unknown, number]> = [
    ['a string', () => 'hello, world', 12],
    ['an ArrayBuffer', () => new Uint8Array([1, 2, 3, 4]).buffer, 4],
    // axios's transformRequest sends a typed array's whole underlying buffer (view.buffer): 16
    // bytes, not the view's 8. Signet signs what axios sends, so the signature still holds.
    ['a Uint8Array view into a larger buffer', () => new Uint8Array(new ArrayBuffer(16), 4, 8), 16],
    ['a Buffer', () => Buffer.from('bytes from a buffer'), 19],
    ['URLSearchParams', () => new URLSearchParams({ status: 'Hello Ladies + Gentlemen', tag: '*~' }), 'status=Hello+Ladies+%2B+Gentlemen&tag=*%7E'.length],
  ];
  test.each(bodies)('hmac signs %s as axios sends it', async (_kind, make, bytes) => {
    const { data } = await client(hmac(HMAC), { adapter }).put<VerifierResponseBody>('/upload', make());
    expect(data).toMatchObject({ verified: true, scheme: 'hmac', bodyBytes: bytes });
  });

  test('oauth1 signs a URLSearchParams body as form parameters', async () => {
    const form = new URLSearchParams({ status: 'Hello Ladies + Gentlemen, *~' });
    const { data } = await client(oauth1(OAUTH), { adapter }).post<VerifierResponseBody>('/statuses?q=a+b*c~d', form);
    expect(data).toMatchObject({ verified: true, scheme: 'oauth1', identity: OAUTH.consumerKey });
  });

  test('hmac and httpSignature sign a FormData body with the multipart boundary that is sent', async () => {
    const form = () => {
      const data = new FormData();
      data.append('name', 'report');
      data.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'report.csv');
      return data;
    };
    for (const credential of [hmac(HMAC), httpSignature(SIGNING)]) {
      const { data } = await client(credential, { adapter }).post<VerifierResponseBody>('/forms', form());
      expect(data).toMatchObject({ verified: true, method: 'POST' });
      expect(data.bodyBytes).toBeGreaterThan(100);
    }
  });

  test('a Blob body is signed with its own type', async () => {
    const { data } = await client(hmac(HMAC), { adapter }).post<VerifierResponseBody>('/blob', new Blob(['{"a":1}'], { type: 'application/json' }));
    expect(data).toMatchObject({ verified: true, bodyBytes: 7 });
  });

  test('a redirect to another origin arrives there with no credential', async () => {
    const events: SignetEvent[] = [];
    const api = client(apiKey({ key: API_KEY, header: 'X-API-Key' }), { adapter, validateStatus: () => true }, (e) => events.push(e));
    const response = await api.get<VerifierResponseBody>('/redirect/302', { params: { to: `${other.origin}/landing` } });
    expect(response.status).toBe(401);
    expect(response.data).toMatchObject({ verified: false, reason: 'missing_credentials', path: '/landing' });
    expect(response.data.headerNames).not.toContain('x-api-key');
    expect(events.map((e) => e.type)).toEqual(['redirect.followed', 'credentials.withheld']);
  });

  test("axios's own auth option does not follow a redirect to another origin either", async () => {
    const api = client(apiKey({ key: API_KEY, header: 'X-API-Key' }), { adapter, validateStatus: () => true });
    const response = await api.get<VerifierResponseBody>('/redirect/302', { params: { to: `${other.origin}/landing` }, auth: { username: 'u', password: 'p' } });
    expect(response.data.headerNames).not.toContain('authorization');
  });

  test("axios's own auth option does not come back when a chain leaves the origin and returns (A → B → A)", async () => {
    const api = client(apiKey({ key: API_KEY, header: 'X-API-Key' }), { adapter, validateStatus: () => true });
    const back = `${home.origin}/admin`;
    const viaOther = `${other.origin}/redirect/307?to=${encodeURIComponent(back)}`;
    const response = await api.get<VerifierResponseBody>('/redirect/307', { params: { to: viaOther }, auth: { username: 'u', password: 'p' } });
    expect(response.data).toMatchObject({ path: '/admin', verified: false });
    expect(response.data.headerNames).not.toContain('authorization');
    expect(response.data.headerNames).not.toContain('x-api-key');
  });

  test('a same-origin 307 is authorized again, and the signed body follows', async () => {
    const api = client(hmac(HMAC), { adapter });
    const { data } = await api.put<VerifierResponseBody>('/redirect/307', new Uint8Array(1000), { params: { to: '/after' } });
    expect(data).toMatchObject({ verified: true, method: 'PUT', path: '/after', bodyBytes: 1000 });
  });

  test("maxRedirects: 0 hands back the 3xx, judged by the caller's validateStatus", async () => {
    const api = keyed();
    const response = await api.get('/redirect/302', { adapter, params: { to: '/after' }, maxRedirects: 0, validateStatus: (s) => s === 302 });
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe('/after');
    const error = await api.get('/redirect/302', { adapter, params: { to: '/after' }, maxRedirects: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AxiosError', code: 'ERR_BAD_RESPONSE', status: 302 });
  });

  test('a 401 is rejected as axios would, with the same code and status', async () => {
    const wrong = client(apiKey({ key: 'sk_wrong', header: 'X-API-Key' }), { adapter });
    const error = await wrong.get('/orders').catch((e: unknown) => e);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error).toMatchObject({ message: 'Request failed with status code 401', code: 'ERR_BAD_REQUEST', status: 401, response: { status: 401, data: { reason: 'unknown_key' } } });
  });

  test('a clock 7 minutes slow: refused once, then verified on the one re-send', async () => {
    const events: SignetEvent[] = [];
    const slow = createClock({ now: () => Date.now() - 7 * 60_000 });
    const api = attachAuth(axios.create({ baseURL: home.origin, adapter }), hmac(HMAC), { origins: home.origin, clock: slow, onEvent: (e) => events.push(e) });
    const { data } = await api.post<VerifierResponseBody>('/orders', { sku: 'A-1' });
    expect(data).toMatchObject({ verified: true, bodyBytes: 13 });
    expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry']);
  });

  test('a server that always answers 401 gets exactly two requests, and the 401 is rejected', async () => {
    skewHits = 0;
    const slow = createClock({ now: () => Date.now() - 7 * 60_000 });
    const api = attachAuth(axios.create({ baseURL: home.origin, adapter }), hmac(HMAC), { origins: home.origin, clock: slow });
    const error = await api.get('/always-skew').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 401 });
    expect(skewHits).toBe(2);
  });
});

describe('streams (Node Readable) through the Node http adapter', () => {
  test('a stream is sent once as it is when the scheme does not read bodies', async () => {
    const { data } = await keyed().post<VerifierResponseBody>('/upload', Readable.from([Buffer.from('streamed '), Buffer.from('payload')]));
    expect(data).toMatchObject({ verified: true, bodyBytes: 16 });
  });

  test('a stream is buffered (bounded) for a scheme that signs bodies, so it verifies', async () => {
    for (const credential of [hmac(HMAC), webhook({ secrets: WEBHOOK_SECRET }), httpSignature(SIGNING), oauth1({ ...OAUTH, bodyHash: true })]) {
      const { data } = await client(credential).post<VerifierResponseBody>('/upload', Readable.from(['streamed ', 'payload']), {
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(data).toMatchObject({ verified: true, scheme: credential.scheme, bodyBytes: 16 });
    }
  });

  test('a stream larger than maxBodyBytes fails with body_too_large before anything is sent', async () => {
    const api = attachAuth(axios.create({ baseURL: home.origin }), hmac(HMAC), { origins: home.origin, maxBodyBytes: 10 });
    const error = await api.post('/upload', Readable.from(['0123456789', 'abc'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetRequestError', code: 'body_too_large' });
  });

  test('a 307 that needs a one-shot stream again fails with body_not_replayable, sending nothing empty', async () => {
    const error = await keyed()
      .post('/redirect/307', Readable.from(['x'.repeat(100)]), { params: { to: '/after' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetRequestError', code: 'body_not_replayable' });
  });
});
