// Integration: under undici.request (whose handler undici 7 wraps for compose()), the interceptor
// dispatches to the Agent with undici 7's old handler API, which the Agent speaks natively. What
// the caller gets must not change: backpressure, large bodies, aborts, 401 re-sends, redirects.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKey, type Credential, withHeader } from '@signet/core';
import { Agent, type Dispatcher, request } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { authInterceptor } from '../src/index.js';

const BIG = Buffer.alloc(3 * 1024 * 1024, 'abcdefghijklmnopqrstuvwxyz');
let server: Server;
let origin: string;
let attempts = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') return void res.end(BIG);
    if (req.url === '/hang') {
      res.writeHead(200);
      return void res.write('a');
    }
    if (req.url === '/redirect') return void res.writeHead(302, { location: '/big' }).end();
    if (req.url === '/once-401') {
      // The first attempt of each pair is refused, as a credential's re-send would need.
      if (attempts++ % 2 === 0) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('no');
      return void res.end(`ok ${req.headers.authorization}`);
    }
    res.end(String(req.headers.authorization));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** An Agent that records which handler API each dispatch to it used, and the body bytes it delivered. */
class SpyAgent extends Agent {
  readonly apis: string[] = [];
  delivered = 0;
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const old = typeof handler.onRequestStart !== 'function';
    this.apis.push(old ? 'old' : 'new');
    if (!old) return super.dispatch(options, handler);
    // The same old-API handler, counting what onData is given (and passing on what it returns).
    const counting = Object.create(handler) as Dispatcher.DispatchHandler;
    counting.onData = (chunk: Buffer) => ((this.delivered += chunk.length), handler.onData!(chunk));
    return super.dispatch(options, counting);
  }
}

const sha = (bytes: Buffer | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

test('undici.request through the interceptor reaches the Agent with the old handler API; a handler of the new API keeps it', async () => {
  const agent = new SpyAgent();
  const dispatcher = agent.compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin }));
  const { body } = await request(`${origin}/`, { dispatcher });
  expect(await body.text()).toBe('ApiKey k-1');
  expect(agent.apis).toEqual(['old']);
  await new Promise<void>((resolve, reject) =>
    dispatcher.dispatch({ origin, path: '/', method: 'GET' }, {
      onRequestStart() {},
      onResponseStart() {},
      onResponseData() {},
      onResponseEnd: () => resolve(),
      onResponseError: (_controller, error) => reject(error),
    }),
  );
  expect(agent.apis).toEqual(['old', 'new']);
  await agent.close();
});

test('a body larger than what is held while the loop decides arrives whole, and the parser pauses for a reader that stalls', async () => {
  const agent = new SpyAgent();
  const dispatcher = agent.compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin }));
  const { body } = await request(`${origin}/big`, { dispatcher, highWaterMark: 16 * 1024 });
  // Stalled: nothing reads. Wait until the Agent stops delivering (or has delivered far more
  // than is held for a paused reader): with backpressure it stops near 64 KiB + highWaterMark.
  let last = -1;
  for (let still = 0; still < 20 && agent.delivered < 1024 * 1024; still = agent.delivered === last ? still + 1 : 0) {
    last = agent.delivered;
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(agent.delivered).toBeLessThan(1024 * 1024);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  expect(sha(Buffer.concat(chunks))).toBe(sha(BIG));
  expect(agent.delivered).toBe(BIG.length);
  expect(agent.apis).toEqual(['old']);
  await agent.close();
});

test('a redirect is followed and the 401 re-send happens with the old API, each hop dispatched once', async () => {
  const agent = new SpyAgent();
  let tokens = 0;
  // A credential that asks for one re-send on a 401, with a new key.
  const rotating: Credential = {
    scheme: 'rotating',
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    authorize: async (req) => withHeader(req, 'authorization', `ApiKey k-${++tokens}`),
    onResponse: (response) => (response.status === 401 ? 'retry' : undefined),
  };
  const dispatcher = agent.compose(authInterceptor(rotating, { origins: origin }));
  const resent = await request(`${origin}/once-401`, { dispatcher });
  expect([resent.statusCode, await resent.body.text()]).toEqual([200, 'ok ApiKey k-2']);
  const followed = await request(`${origin}/redirect`, { dispatcher });
  expect([followed.statusCode, sha(Buffer.from(await followed.body.arrayBuffer()))]).toEqual([200, sha(BIG)]);
  expect(agent.apis).toEqual(['old', 'old', 'old', 'old']);
  await agent.close();
});

test('an abort while the body streams ends the dispatch and the body with the reason', async () => {
  const agent = new SpyAgent();
  const dispatcher = agent.compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: origin }));
  const controller = new AbortController();
  const { body } = await request(`${origin}/hang`, { dispatcher, signal: controller.signal });
  const reading = body.text();
  controller.abort(new Error('caller gave up'));
  await expect(reading).rejects.toThrow('caller gave up');
  expect(agent.apis).toEqual(['old']);
  await agent.close();
});

test('an upgrade or CONNECT request is refused before anything is sent, with an error that says so', async () => {
  let received = 0;
  const counting = createServer((_req, res) => void (received++, res.end()));
  await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
  const here = `http://127.0.0.1:${(counting.address() as AddressInfo).port}`;
  const dispatcher = new Agent().compose(authInterceptor(apiKey({ key: 'k-1' }), { origins: here }));
  const failure = (options: Dispatcher.DispatchOptions) =>
    new Promise<Error>((resolve) =>
      dispatcher.dispatch(options, {
        onRequestStart() {},
        onResponseStart: () => resolve(new Error('a response arrived')),
        onResponseError: (_controller, error) => resolve(error),
      }),
    );
  for (const options of [
    { origin: here, path: '/', method: 'GET', upgrade: 'websocket' },
    { origin: here, path: '/', method: 'CONNECT' },
  ] as Dispatcher.DispatchOptions[]) {
    const error = await failure(options);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/cannot authorize an upgrade or CONNECT request/);
  }
  expect(received).toBe(0);
  counting.close();
  await dispatcher.close();
});
