import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKey } from '@signet/core';
import { Agent } from 'undici';
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
