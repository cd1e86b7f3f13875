// Unit tests of the fetch adapter: the network is msw, answering with the real verifier.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, basic, SignetConfigError, SignetRequestError } from '@signet/core';
import { withAuth } from '@signet/fetch';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { verifierHandlers } from '@signet/verifier/msw';

const API = 'https://api.example.test';
const KEY = 'sk_test_5b1c';
const verifier = createVerifier({ apiKey: { clients: { 'test-client': KEY } }, basic: { users: { alice: 'wonderland' } } });

const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
const server = setupServer(
  http.all('https://elsewhere.example.test/*', async ({ request }) => {
    seen.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    return HttpResponse.json({ ok: true });
  }),
  http.all(`${API}/redirect/:status`, async ({ request, params }) => {
    const to = new URL(request.url).searchParams.get('to')!;
    seen.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    return new HttpResponse(null, { status: Number(params['status']), headers: { location: to } });
  }),
  ...verifierHandlers(verifier, { origin: API }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

// msw replaces globalThis.fetch when it starts listening, so resolve it at call time.
const lateFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);
const api = withAuth(lateFetch, apiKey({ key: KEY }), { origins: API });
const report = async (response: Response) => (await response.json()) as VerifierResponseBody;

describe('withAuth(fetch)', () => {
  test('signs a URL + init call, which the verifier accepts', async () => {
    const response = await api(`${API}/v1/things`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await report(response)).toMatchObject({ verified: true, scheme: 'api-key', identity: 'test-client', method: 'GET', path: '/v1/things' });
  });

  test('signs a URL object and a Request object, keeping method, headers and body', async () => {
    expect((await api(new URL(`${API}/u`))).status).toBe(200);
    // (A Request with a body is covered against the real server: msw drops headers of streamed requests.)
    const request = new Request(`${API}/r`, { method: 'DELETE', headers: { 'x-request-id': '42' } });
    const body = await report(await api(request));
    expect(body).toMatchObject({ verified: true, method: 'DELETE', bodyBytes: 0 });
    expect(body.headerNames).toContain('x-request-id');
  });

  test('init overrides the Request, as in fetch', async () => {
    const body = await report(await api(new Request(`${API}/r`, { method: 'POST', body: 'long body' }), { method: 'PUT', body: 'xy', headers: { 'x-over': '1' } }));
    expect(body).toMatchObject({ method: 'PUT', bodyBytes: 2 });
    expect(body.headerNames).toContain('x-over');
  });

  test('normalizes standard methods like fetch does', async () => {
    expect(await report(await api(`${API}/m`, { method: 'post', body: '' }))).toMatchObject({ method: 'POST' });
  });

  test('Basic through fetch', async () => {
    const basicApi = withAuth(lateFetch, basic({ username: 'alice', password: 'wonderland' }), { origins: API });
    expect(await report(await basicApi(`${API}/me`))).toMatchObject({ verified: true, scheme: 'basic', identity: 'alice' });
  });

  test('a wrong key is refused with 401 and a challenge', async () => {
    const wrong = withAuth(lateFetch, apiKey({ key: 'sk_wrong' }), { origins: API });
    const response = await wrong(`${API}/v1`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('ApiKey realm="signet"');
    expect(await report(response)).toMatchObject({ verified: false, reason: 'unknown_key' });
  });

  test('a request to another origin gets no credential', async () => {
    await api('https://elsewhere.example.test/collect');
    expect(seen[0]!.headers['authorization']).toBeUndefined();
  });

  test('a cross-origin redirect is followed with no credential, the caller’s own Authorization included', async () => {
    const to = 'https://elsewhere.example.test/landing';
    const response = await api(`${API}/redirect/302?to=${encodeURIComponent(to)}`, { headers: { authorization: 'Bearer caller-token', 'x-keep': '1' } });
    expect(response.status).toBe(200);
    expect(seen[0]!.headers['authorization']).toBe(`ApiKey ${KEY}`);
    expect(seen[1]!.url).toBe(to);
    expect(seen[1]!.headers['authorization']).toBeUndefined();
    expect(seen[1]!.headers['x-keep']).toBe('1');
  });

  test('a same-origin 307 re-sends the body and the credential', async () => {
    const response = await api(`${API}/redirect/307?to=${encodeURIComponent(`${API}/after`)}`, { method: 'POST', body: 'payload' });
    expect(await report(response)).toMatchObject({ verified: true, path: '/after', method: 'POST', bodyBytes: 7 });
  });

  test('https → http is refused with a typed error', async () => {
    const error = await api(`${API}/redirect/301?to=${encodeURIComponent('http://api.example.test/plain')}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'redirect_downgrade' });
  });

  test('a stream body is sent once; a 307 that needs it again fails and is never re-sent empty', async () => {
    const stream = new Blob(['streamed']).stream();
    const error = await api(`${API}/redirect/307?to=${encodeURIComponent(`${API}/after`)}`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'body_not_replayable' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe('streamed');
  });

  test("redirect: 'manual' hands back the 3xx", async () => {
    const response = await api(`${API}/redirect/302?to=${encodeURIComponent(`${API}/x`)}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(seen).toHaveLength(1);
  });

  test('an aborted signal rejects with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    await expect(api(`${API}/v1`, { signal: controller.signal })).rejects.toThrow('cancelled by user');
  });

  test('input it cannot read rejects, as fetch does, and never throws where it is called', async () => {
    let call: Promise<Response> | undefined;
    expect(() => (call = api('not a url'))).not.toThrow();
    await expect(call).rejects.toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(0);
  });

  test('passes other init fields through to fetch', async () => {
    let init: RequestInit | undefined;
    const spyFetch = (async (_input: RequestInfo | URL, given?: RequestInit) => {
      init = given;
      return new Response('ok');
    }) as typeof fetch;
    await withAuth(spyFetch, apiKey({ key: KEY }), { origins: API })(`${API}/`, { cache: 'no-store', keepalive: true, credentials: 'omit' });
    expect(init).toMatchObject({ cache: 'no-store', keepalive: true, credentials: 'omit', redirect: 'manual' });
    expect(new Headers(init!.headers).get('authorization')).toBe(`ApiKey ${KEY}`);
  });

  test('a fetch function that keeps what it was given still sees what each call sent (a mock recording calls)', async () => {
    const calls: Array<{ url: string; headers: Headers }> = [];
    const recording: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), headers: init!.headers as Headers });
      return new Response(null, calls.length === 1 ? { status: 307, headers: { location: `${API}/next` } } : { status: 200 });
    };
    const caller = new Headers({ accept: 'text/plain' });
    await withAuth(recording, apiKey({ key: KEY }), { origins: API })(`${API}/first`, { headers: caller });
    expect(calls.map((call) => call.url)).toEqual([`${API}/first`, `${API}/next`]);
    expect(calls[0]!.headers).not.toBe(calls[1]!.headers);
    for (const call of calls) expect(Object.fromEntries(call.headers)).toEqual({ accept: 'text/plain', authorization: `ApiKey ${KEY}` });
    expect([...caller]).toEqual([['accept', 'text/plain']]);
  });

  test('a recording fetch keeps the content type of a request off the origins after a 303 (found in review)', async () => {
    const calls: Headers[] = [];
    const recording: typeof fetch = async (_input, init) => {
      calls.push(init!.headers as Headers);
      return new Response(null, calls.length === 1 ? { status: 303, headers: { location: 'https://elsewhere.example.test/done' } } : { status: 200 });
    };
    await withAuth(recording, apiKey({ key: KEY }), { origins: API })('https://elsewhere.example.test/submit', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(calls[0]!.get('content-type')).toBe('text/plain');
    expect(calls[1]!.has('content-type')).toBe(false);
  });

  test('bad options fail at construction with a typed error naming the field', () => {
    expect(() => withAuth(fetch, apiKey({ key: KEY }), {} as never)).toThrow(SignetConfigError);
    expect(() => withAuth(fetch, apiKey({ key: KEY }), { origins: 'http://api.example.test' })).toThrow(/^origins: /);
    expect(() => withAuth('fetch' as never, apiKey({ key: KEY }), { origins: API })).toThrow(TypeError);
  });
});

describe('withAuth(fetch) where the runtime hides redirects (browsers)', () => {
  // A browser answers redirect: 'manual' with an opaque redirect: status 0, no Location.
  const opaqueFetch = (async () => {
    const response = new Response(null, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
    return response;
  }) as typeof fetch;
  const browserApi = withAuth(opaqueFetch, apiKey({ key: KEY }), { origins: API });

  test("fails closed with redirect_not_followable when following, redirect_refused for 'error'", async () => {
    await expect(browserApi(`${API}/x`)).rejects.toMatchObject({ code: 'redirect_not_followable' });
    await expect(browserApi(`${API}/x`, { redirect: 'error' })).rejects.toMatchObject({ code: 'redirect_refused' });
  });

  test("hands the opaque redirect back for redirect: 'manual'", async () => {
    expect((await browserApi(`${API}/x`, { redirect: 'manual' })).type).toBe('opaqueredirect');
  });
});
