import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKey } from '@signet/core';
import { Agent, type Dispatcher } from 'undici';
import { expect, test } from 'vitest';
import { authInterceptor } from '../src/index.js';

// Found in review: a caller's handler that throws while the response is handed over must end the
// dispatch (no socket left open), not become an unhandled rejection that crashes the process.
test('a handler that throws in onResponseStart ends the dispatch instead of an unhandled rejection', async () => {
  let closed!: () => void;
  const socketClosed = new Promise<void>((resolve) => (closed = resolve));
  // A response that never ends: only an abort frees its socket.
  const server = createServer((req, res) => {
    req.socket.once('close', () => closed());
    res.writeHead(200);
    res.write('a');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const dispatcher = new Agent().compose(authInterceptor(apiKey({ key: 'k' }), { origins: origin }));
  try {
    dispatcher.dispatch({ origin, path: '/', method: 'GET' }, {
      onRequestStart() {},
      onResponseStart() {
        throw new Error('the caller’s handler failed');
      },
      onResponseData() {},
      onResponseEnd() {},
      onResponseError() {},
    });
    await socketClosed;
    // Let any rejection surface before looking.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    server.closeAllConnections();
    server.close();
    await dispatcher.close().catch(() => undefined);
  }
});

// Found in review: when the response had already ended (a small one, held whole while the loop
// decided), aborting did nothing and the caller's handler waited forever. undici reports a
// handler's own throw to its error callback; so does the interceptor, with either handler API.
test('a handler that throws on a response that has already ended hears of its error, with either handler API', async () => {
  const server = createServer((_req, res) => res.end('small'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dispatcher = new Agent().compose(authInterceptor(apiKey({ key: 'k' }), { origins: origin }));
  const thrown = new Error('the caller’s handler failed');
  try {
    const viaNewApi = await new Promise<Error>((resolve) =>
      dispatcher.dispatch({ origin, path: '/', method: 'GET' }, {
        onRequestStart() {},
        onResponseStart() {
          throw thrown;
        },
        onResponseData() {},
        onResponseEnd: () => resolve(new Error('ended without the error')),
        onResponseError: (_controller, error) => resolve(error),
      }),
    );
    expect(viaNewApi).toBe(thrown);
    // An old-API handler (compose() wraps it, and the interceptor dispatches with the old API).
    const viaOldApi = await new Promise<Error>((resolve) =>
      dispatcher.dispatch({ origin, path: '/', method: 'GET' }, {
        onConnect() {},
        onHeaders() {
          throw thrown;
        },
        onData: () => true,
        onComplete: () => resolve(new Error('completed without the error')),
        onError: (error: Error) => resolve(error),
      } as unknown as Dispatcher.DispatchHandler),
    );
    expect(viaOldApi).toBe(thrown);
  } finally {
    server.close();
    await dispatcher.close().catch(() => undefined);
  }
});
