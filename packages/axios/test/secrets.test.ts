// The canary test: a unique secret, sent as a credential header, must not appear in any error
// axios hands back, however it is printed, on every error path, for the http and fetch adapters.
import { inspect } from 'node:util';
import axios, { type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKey, combine, createClock } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { attachAuth } from '@signet/axios';
import { createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { HMAC } from './policy.js';

const CANARY = `sk_canary_${crypto.randomUUID()}`;
const verifier = createVerifier({ hmac: { keys: { [HMAC.keyId]: HMAC.secret } } });

// Requests to /hang wait here until the test releases them (never a timer).
const hanging: Array<() => void> = [];
let reached: () => void = () => undefined;
const routes = {
  '/hang': () =>
    new Promise<Response>((resolve) => {
      hanging.push(() => resolve(new Response('late')));
      reached();
    }),
  '/big': async () => new Response(new Uint8Array(256 * 1024).fill(97)),
  '/always-skew': async () =>
    new Response(null, {
      status: 401,
      headers: { 'www-authenticate': `HMAC-SHA256 realm="signet", error="timestamp_skew", server_time="${Math.floor(Date.now() / 1000)}"` },
    }),
};

let server: VerifierServer;
let closedOrigin: string;
beforeAll(async () => {
  server = await startVerifierServer({ verifier, routes });
  const closed = await startVerifierServer({ verifier });
  closedOrigin = closed.origin;
  await closed.close();
});
afterAll(async () => {
  for (const release of hanging) release();
  await server.close();
});

/** Every way an error gets printed or logged. */
function printed(error: unknown): string[] {
  const e = error as Error;
  return [JSON.stringify(error), inspect(error, { depth: 10 }), String(e.stack), String(error)];
}
function expectNoCanary(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  for (const text of printed(error)) expect(text).not.toContain(CANARY);
}
const untilReached = () => new Promise<void>((resolve) => (reached = resolve));

describe.each(['http', 'fetch'] as const)('no secret in errors (adapter %s)', (adapter) => {
  // The canary rides in a header of its own, next to an HMAC signature (which can ask for a re-send).
  const signed = (origin = server.origin, clockOffsetMs = 0): AxiosInstance =>
    attachAuth(axios.create({ baseURL: origin, adapter }), combine(apiKey({ key: CANARY, header: 'X-Canary' }), hmac(HMAC)), {
      origins: origin,
      // The send loop retries network failures; without waiting, so no test sleeps.
      retry: { sleep: async () => undefined },
      clock: createClock({ now: () => Date.now() + clockOffsetMs }),
    });
  // The same request without Signet, the canary set by hand: proves these checks can fail.
  const byHand = (origin = server.origin): AxiosInstance => axios.create({ baseURL: origin, adapter, headers: { 'X-Canary': CANARY } });

  test('control: plain axios leaks the header into its errors', async () => {
    const error = await byHand().get('/always-skew').catch((e: unknown) => e);
    expect(printed(error).some((text) => text.includes(CANARY))).toBe(true);
  });

  test('network error', async () => {
    const error = await signed(closedOrigin).get('/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ isAxiosError: true });
    expect((error as { request?: unknown }).request).toBeDefined();
    expectNoCanary(error);
  });

  test('timeout', async () => {
    const error = await signed().get('/hang', { timeout: 50 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ isAxiosError: true });
    expect(['ECONNABORTED', 'ETIMEDOUT']).toContain((error as { code: string }).code);
    expectNoCanary(error);
  });

  test('validateStatus rejects a 401 (the caller config is kept, unsigned)', async () => {
    const error = await signed().get('/always-skew', { headers: { 'x-trace': 't-1' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 401, config: { url: '/always-skew' } });
    expect((error as { config: { headers: Record<string, unknown> } }).config.headers['x-trace']).toBe('t-1');
    expectNoCanary(error);
  });

  test('abort through an AbortSignal, and through a CancelToken', async () => {
    const controller = new AbortController();
    const pending = signed().get('/hang', { signal: controller.signal }).catch((e: unknown) => e);
    await untilReached();
    controller.abort();
    const aborted = await pending;
    expect(axios.isCancel(aborted)).toBe(true);
    expectNoCanary(aborted);

    const source = axios.CancelToken.source();
    const cancelling = signed().get('/hang', { cancelToken: source.token }).catch((e: unknown) => e);
    await untilReached();
    source.cancel('user left');
    const cancelled = await cancelling;
    expect(axios.isCancel(cancelled)).toBe(true);
    expectNoCanary(cancelled);
  });

  test('401 after the one re-send', async () => {
    // A clock 7 minutes slow: the skew challenge triggers the re-send, which is refused again.
    const error = await signed(server.origin, -7 * 60_000).get('/always-skew').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 401 });
    expectNoCanary(error);
  });

  test('a successful response carries neither the signed config nor the request object', async () => {
    const response = await signed().get('/always-skew', { validateStatus: () => true });
    for (const text of [inspect(response, { depth: 10 }), JSON.stringify({ config: response.config, request: response.request })]) expect(text).not.toContain(CANARY);
  });
});

describe("responseType: 'stream' on Node (adapter http): what the caller logs later has no secret", () => {
  const signed = (): AxiosInstance =>
    attachAuth(axios.create({ baseURL: server.origin, adapter: 'http' }), combine(apiKey({ key: CANARY, header: 'X-Canary' }), hmac(HMAC)), { origins: server.origin });
  const byHand = (): AxiosInstance => axios.create({ baseURL: server.origin, adapter: 'http', headers: { 'X-Canary': CANARY } });

  test('the response and its stream as console.log prints them (the stream is Node\'s response, whose req is the request as sent)', async () => {
    const shown = async (instance: AxiosInstance, what: 'response' | 'data'): Promise<string> => {
      const response = await instance.get('/big', { responseType: 'stream', validateStatus: () => true });
      // console.log's depth (2). Deeper, the socket still leads to the request: docs/adapters/axios.md.
      const text = inspect(what === 'data' ? response.data : response);
      response.data.destroy();
      return text;
    };
    expect(await shown(byHand(), 'data')).toContain(CANARY);
    expect(await shown(signed(), 'data')).not.toContain(CANARY);
    expect(await shown(signed(), 'response')).not.toContain(CANARY);
  });

  test('an AxiosError raised while the stream is read (maxContentLength), caught by iterating or by an error listener', async () => {
    const readError = async (instance: AxiosInstance, how: 'iterate' | 'listen'): Promise<unknown> => {
      const response = await instance.get('/big', { responseType: 'stream', maxContentLength: 1_000, validateStatus: () => true });
      if (how === 'listen') return new Promise((resolve) => response.data.on('error', resolve).resume());
      try {
        for await (const _chunk of response.data) void _chunk;
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const control = await readError(byHand(), 'iterate');
    expect(printed(control).some((text) => text.includes(CANARY))).toBe(true);
    for (const how of ['iterate', 'listen'] as const) {
      const error = await readError(signed(), how);
      expect(error).toMatchObject({ code: 'ERR_BAD_RESPONSE', message: 'maxContentLength size of 1000 exceeded' });
      expectNoCanary(error);
    }
  });
});
