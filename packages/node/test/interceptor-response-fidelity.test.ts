// Integration: a response reaches the caller through authInterceptor exactly as raw undici gives it
// (header names as the server wrote them, repeated fields, trailers), on a real loopback server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKey } from '@signet/core';
import { Agent, type Dispatcher, request } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { authInterceptor } from '../src/index.js';

let server: Server;
let origin: string;
const agents: Agent[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    // Mixed case, a repeated field and a trailer: what a re-encoded header list would change. A
    // fixed Date, so two responses compare equal whatever second they are sent in.
    res.sendDate = false;
    res.writeHead(200, [
      ['Date', 'Sat, 28 Nov 2026 12:00:00 GMT'],
      ['X-Request-Id', 'r-1'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['X-Seen-Auth', String(req.headers.authorization)],
      ['Trailer', 'X-Checksum'],
    ]);
    res.write('hello ');
    res.addTrailers({ 'X-Checksum': 'c0ffee' });
    res.end('world');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.destroy()));
  server.close();
});

function agent(): Agent {
  const created = new Agent();
  agents.push(created);
  return created;
}

async function read(dispatcher: Dispatcher, headers: Record<string, string> = {}) {
  const { statusCode, headers: raw, body, trailers } = await request(`${origin}/`, { dispatcher, headers, responseHeaders: 'raw' });
  const text = await body.text();
  return { statusCode, raw, text, trailers: { ...trailers } };
}

test('undici.request gets the headers, body and trailers raw undici gives, names as the server wrote them', async () => {
  const signed = agent().compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin }));
  const plain = await read(agent(), { authorization: 'ApiKey k-1' });
  const through = await read(signed);
  expect(through).toEqual(plain);
  // Not vacuous: the raw list keeps case and both cookies, and the key reached the server.
  expect(through.raw).toEqual(expect.arrayContaining(['X-Request-Id', 'r-1', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'X-Seen-Auth', 'ApiKey k-1']));
  expect(through.text).toBe('hello world');
  expect(through.trailers).toEqual({ 'x-checksum': 'c0ffee' });
});

test('a handler written for the new API gets parsed headers and trailers, as from any dispatcher', async () => {
  const dispatch = (dispatcher: Dispatcher) =>
    new Promise<{ status: number; headers: unknown; body: string; trailers: unknown }>((resolve, reject) => {
      let status = 0;
      let headers: unknown;
      const chunks: Buffer[] = [];
      dispatcher.dispatch({ origin, path: '/', method: 'GET', headers: { authorization: 'ApiKey k-1' } }, {
        onRequestStart() {},
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode;
          headers = responseHeaders;
        },
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: (_controller, trailers) => resolve({ status, headers, body: Buffer.concat(chunks).toString(), trailers: { ...trailers } }),
        onResponseError: (_controller, error) => reject(error),
      });
    });
  const plain = await dispatch(agent());
  const through = await dispatch(agent().compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin })));
  expect(through).toEqual(plain);
  expect(through.headers).toMatchObject({ 'x-request-id': 'r-1', 'set-cookie': ['a=1', 'b=2'] });
  expect(through.trailers).toEqual({ 'x-checksum': 'c0ffee' });
});

test('an interceptor inside Signet that changes the headers is heard: its headers reach the caller, not the raw list', async () => {
  // Composed before authInterceptor, so it sits between Signet and the Agent: it drops one header
  // and adds one, and leaves the controller's raw list as the server sent it.
  const rewrite: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) =>
    dispatch(options, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onResponseStart(controller, status, headers, message) {
        const { 'x-request-id': _dropped, ...kept } = headers;
        handler.onResponseStart?.(controller, status, { ...kept, 'x-added': 'yes' }, message);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    });
  const dispatcher = agent().compose(rewrite, authInterceptor(apiKey({ key: 'k-1' }), { origins: origin }));
  const { headers, body } = await request(`${origin}/`, { dispatcher });
  await body.text();
  expect(headers['x-request-id']).toBeUndefined();
  expect(headers['x-added']).toBe('yes');
  expect(headers['x-seen-auth']).toBe('ApiKey k-1');
});

test('a handler of its own with both handler APIs is called as undici calls it: the new API only', async () => {
  const calls = (dispatcher: Dispatcher) =>
    new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      const both = {
        onRequestStart: () => void seen.push('onRequestStart'),
        onResponseStart: () => void seen.push('onResponseStart'),
        onResponseData: () => void seen.push('onResponseData'),
        onResponseEnd: () => (seen.push('onResponseEnd'), resolve([...new Set(seen)])),
        onResponseError: (_controller: unknown, error: Error) => reject(error),
        onConnect: () => void seen.push('onConnect'),
        onHeaders: () => (seen.push('onHeaders'), true),
        onData: () => (seen.push('onData'), true),
        onComplete: () => (seen.push('onComplete'), resolve([...new Set(seen)])),
        onError: (error: Error) => reject(error),
      };
      dispatcher.dispatch({ origin, path: '/', method: 'GET', headers: { authorization: 'ApiKey k-1' } }, both as Dispatcher.DispatchHandler);
    });
  const plain = await calls(agent());
  expect(plain).toEqual(['onRequestStart', 'onResponseStart', 'onResponseData', 'onResponseEnd']);
  expect(await calls(agent().compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin })))).toEqual(plain);
});
