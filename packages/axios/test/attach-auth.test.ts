// Unit tests of the axios adapter: the network is msw (answering with the real verifier), or an
// inner adapter written here that records what it is given.
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, basic, SignetConfigError, SignetRequestError, type SignetEvent } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { attachAuth } from '@signet/axios';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { verifierHandlers } from '@signet/verifier/msw';

const API = 'https://api.example.test';
const KEY = 'sk_test_axios_5b1c';
const HMAC = { keyId: 'partner-42', secret: 'unit-hmac-secret-0123456789-abcdef' };
const verifier = createVerifier({ apiKey: { clients: { 'test-client': KEY } }, basic: { users: { alice: 'wonderland' } }, hmac: { keys: { [HMAC.keyId]: HMAC.secret } } });

const seen: Array<{ url: string; headers: Record<string, string> }> = [];
const server = setupServer(
  http.all('https://elsewhere.example.test/*', ({ request }) => {
    seen.push({ url: request.url, headers: Object.fromEntries(request.headers) });
    return HttpResponse.json({ ok: true });
  }),
  ...verifierHandlers(verifier, { origin: API }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const keyed = () => attachAuth(axios.create({ baseURL: API }), apiKey({ key: KEY }), { origins: API });

/** An inner adapter that records the config it gets and answers with `status`. */
function recorder(status = 200, headers: Record<string, string> = {}): { adapter: AxiosAdapter; calls: InternalAxiosRequestConfig[] } {
  const calls: InternalAxiosRequestConfig[] = [];
  const adapter: AxiosAdapter = async (config) => {
    calls.push(config);
    return { data: 'ok', status, statusText: '', headers, config, request: { secret: 'the request object' } } as AxiosResponse;
  };
  return { adapter, calls };
}

describe('attachAuth', () => {
  test('returns the same instance, which now signs; the verifier accepts it', async () => {
    const instance = axios.create({ baseURL: API });
    expect(attachAuth(instance, apiKey({ key: KEY }), { origins: API })).toBe(instance);
    const { data } = await instance.get<VerifierResponseBody>('/v1/things', { params: { page: 2 } });
    expect(data).toMatchObject({ verified: true, scheme: 'api-key', identity: 'test-client', method: 'GET', path: '/v1/things' });
  });

  test('Basic, and HMAC over a JSON body axios serializes', async () => {
    const user = attachAuth(axios.create({ baseURL: API }), basic({ username: 'alice', password: 'wonderland' }), { origins: API });
    expect((await user.get<VerifierResponseBody>('/me')).data).toMatchObject({ verified: true, scheme: 'basic', identity: 'alice' });
    const partner = attachAuth(axios.create({ baseURL: API }), hmac(HMAC), { origins: API });
    expect((await partner.post<VerifierResponseBody>('/orders', { sku: 'A-1' })).data).toMatchObject({ verified: true, scheme: 'hmac', bodyBytes: 13 });
  });

  test('an absolute URL to another origin, even with a baseURL, gets no credential (CVE-2025-27152 class)', async () => {
    const events: SignetEvent[] = [];
    const api = attachAuth(axios.create({ baseURL: API }), apiKey({ key: KEY }), { origins: API, onEvent: (e) => events.push(e) });
    await api.get('https://elsewhere.example.test/collect');
    expect(seen[0]!.headers['authorization']).toBeUndefined();
    expect(events).toEqual([{ type: 'credentials.withheld', scheme: 'api-key', url: 'https://elsewhere.example.test/collect', reason: 'origin_not_allowed' }]);
  });

  test('a header set by a request interceptor is sent (Signet runs after every interceptor)', async () => {
    const api = keyed();
    api.interceptors.request.use((config) => {
      config.headers.set('x-request-id', 'r-42');
      return config;
    });
    const { data } = await api.get<VerifierResponseBody>('/v1');
    expect(data).toMatchObject({ verified: true });
    expect(data.headerNames).toContain('x-request-id');
  });

  test('bad options fail at attach time, naming the field', () => {
    expect(() => attachAuth(axios.create(), apiKey({ key: KEY }), { origins: 'http://api.example.test' })).toThrow(SignetConfigError);
    const error = (() => {
      try {
        attachAuth(axios.create(), apiKey({ key: KEY }), { origins: [API, 'ftp://x'] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'invalid_option', field: 'origins[1]' });
  });

  test('a first argument that is not an axios instance is a TypeError; attaching twice is refused', () => {
    expect(() => attachAuth({} as never, apiKey({ key: KEY }), { origins: API })).toThrow(TypeError);
    const api = keyed();
    expect(() => attachAuth(api, basic({ username: 'a', password: 'b' }), { origins: API })).toThrow(/already attached/);
  });
});

describe('what the inner adapter is given', () => {
  test('the signed request, absolute, with redirects off and every status accepted', async () => {
    const { adapter, calls } = recorder();
    const api = attachAuth(axios.create({ baseURL: `${API}/v2/`, adapter }), apiKey({ key: KEY }), { origins: API });
    await api.get('items', { params: { q: 'a b' }, headers: { 'x-trace': 't' } });
    const config = calls[0]!;
    expect(config).toMatchObject({ url: `${API}/v2/items?q=a+b`, baseURL: undefined, params: undefined, maxRedirects: 0, validateStatus: null, fetchOptions: { redirect: 'manual' } });
    expect(config.headers.get('authorization')).toBe(`ApiKey ${KEY}`);
    expect(config.headers.get('x-trace')).toBe('t');
  });

  test("the caller's false markers survive (axios then adds no User-Agent)", async () => {
    const { adapter, calls } = recorder();
    await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API }).get(`${API}/x`, { headers: { 'User-Agent': false } });
    expect(calls[0]!.headers.get('user-agent')).toBe(false);
  });

  test('a per-request adapter is wrapped too', async () => {
    const { adapter, calls } = recorder();
    await keyed().get('/x', { adapter });
    expect(calls[0]!.headers.get('authorization')).toBe(`ApiKey ${KEY}`);
  });

  test('re-sending error.config signs once, not twice', async () => {
    const { adapter, calls } = recorder(503);
    // retry: false, so the send loop's own 503 retries do not add calls here.
    const api = attachAuth(axios.create({ baseURL: API, adapter }), apiKey({ key: KEY }), { origins: API, retry: false });
    const error = await api.get('/x').catch((e: { config: InternalAxiosRequestConfig }) => e);
    await api.request({ ...error.config, validateStatus: () => true });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers.get('authorization')).toBe(`ApiKey ${KEY}`);
  });

  test('the response carries the caller config and a redacted request, never the inner ones', async () => {
    const { adapter } = recorder();
    const response = await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API }).get(`${API}/x?token=abc`);
    expect(response.config.headers.get('authorization')).toBeUndefined();
    expect(response.request).toEqual({ method: 'GET', url: `${API}/x?token=[redacted]`, headers: { accept: 'application/json, text/plain, */*', authorization: '[redacted]' } });
  });

  test('the redacted request is built on first read, once, can be replaced, and every response shares one accessor', async () => {
    const { adapter } = recorder();
    const api = attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API });
    const [first, second] = await Promise.all([api.get(`${API}/a`), api.get(`${API}/b`)]);
    // One getter for all: a closure per response gave each response a hidden class of its own,
    // which kept every request's garbage alive until a full GC (20 µs of GC per request in memory).
    const accessor = (response: object) => Object.getOwnPropertyDescriptor(response, 'request')?.get;
    expect(accessor(first)).toBeTypeOf('function');
    expect(accessor(first)).toBe(accessor(second));
    const view = first.request;
    expect(view).toMatchObject({ url: `${API}/a`, headers: { authorization: '[redacted]' } });
    expect(first.request).toBe(view);
    expect(Object.keys(first)).toContain('request');
    second.request = 'replaced';
    expect(second.request).toBe('replaced');
  });

  test('a frozen or sealed response still gives its redacted request (a state store deep-freezes responses)', async () => {
    const { adapter } = recorder();
    const api = attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API });
    const frozen = Object.freeze(await api.get(`${API}/a`));
    const sealed = Object.seal(await api.get(`${API}/b`));
    expect(frozen.request).toMatchObject({ url: `${API}/a`, headers: { authorization: '[redacted]' } });
    expect(frozen.request).toMatchObject({ url: `${API}/a` });
    expect(sealed.request).toMatchObject({ url: `${API}/b`, headers: { authorization: '[redacted]' } });
    expect(JSON.stringify({ ...frozen })).not.toContain(KEY);
  });

  test("validateStatus is the caller's: the default rejects a 503 with axios's error shape", async () => {
    const { adapter } = recorder(503);
    const error = await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API, retry: false }).get(`${API}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(axios.AxiosError);
    expect(error).toMatchObject({ message: 'Request failed with status code 503', code: 'ERR_BAD_RESPONSE', status: 503, response: { status: 503 } });
  });

  test('an opaque redirect (status 0, a browser fetch) fails closed with redirect_not_followable', async () => {
    const { adapter } = recorder(0);
    const error = await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API }).get(`${API}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'redirect_not_followable' });
    // With maxRedirects: 0 the caller asked for the redirect itself, as axios would hand it back.
    const response = await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API }).get(`${API}/x`, { maxRedirects: 0 });
    expect(response.status).toBe(0);
  });

  test("the send loop's retry option applies: a GET answered 503 is retried, signed afresh", async () => {
    const statuses = [503, 200];
    const calls: string[] = [];
    const adapter: AxiosAdapter = async (config) => {
      calls.push(String(config.headers.get('authorization')));
      return { data: '', status: statuses.shift()!, statusText: '', headers: { 'retry-after': '0' }, config, request: {} } as AxiosResponse;
    };
    const api = attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API, retry: { sleep: async () => undefined } });
    expect((await api.get(`${API}/x`)).status).toBe(200);
    expect(calls).toEqual([`ApiKey ${KEY}`, `ApiKey ${KEY}`]);
  });

  test('a redirect to https → http is refused before anything is sent there', async () => {
    const { adapter, calls } = recorder(302, { location: 'http://api.example.test/plain' });
    const error = await attachAuth(axios.create({ adapter }), apiKey({ key: KEY }), { origins: API }).get(`${API}/x`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetRequestError', code: 'redirect_downgrade' });
    expect(calls).toHaveLength(1);
  });

  test("axios's XHR adapter is refused: at attach time, and per request", async () => {
    const xhr = Object.assign(recorder().adapter, { adapterName: 'xhr' });
    expect(() => attachAuth(axios.create({ adapter: xhr }), apiKey({ key: KEY }), { origins: API })).toThrow(SignetConfigError);
    const error = await keyed().get('/x', { adapter: xhr }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetConfigError', field: 'adapter' });
  });
});
