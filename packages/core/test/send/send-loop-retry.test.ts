import { describe, expect, test } from 'vitest';
import { apiKey, createClock, createSendLoop, type Credential, type SendLoopOptions, type SignetEvent, SignetRequestError } from '@signet/core';
import type { RetryOptions } from '../../src/send/retry-policy.js';
import { fakeTransport, outgoing, streamBody } from '../support/fake-transport.js';

const API = 'https://api.example.com';

/** A sleep that records each delay and resolves at once: no test waits for real. */
function fakeSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

/** A credential that stamps every authorization with a fresh nonce, and may ask for a re-send on 401. */
function noncedCredential({ resendOn401 = false, requiresBody = false } = {}) {
  const attempts: number[] = [];
  const credential: Credential = {
    scheme: 'nonced',
    requiresBody,
    sensitiveHeaders: ['x-proof'],
    sensitiveQueryParams: [],
    async authorize(request, context) {
      attempts.push(context.attempt);
      const headers = new Headers(request.headers);
      headers.set('x-proof', context.nonce());
      return { ...request, headers };
    },
    onResponse: (response) => (resendOn401 && response.status === 401 ? 'retry' : undefined),
  };
  return { credential, attempts };
}

function loop(retry: RetryOptions | false = {}, options: Partial<SendLoopOptions> = {}, credential: Credential = noncedCredential().credential) {
  const events: SignetEvent[] = [];
  const clock = fakeSleep();
  let n = 0;
  const sendLoop = createSendLoop(credential, {
    origins: API,
    onEvent: (e) => events.push(e),
    nonce: () => `n-${++n}`,
    retry: retry === false ? false : { sleep: clock.sleep, ...retry },
    ...options,
  });
  return { sendLoop, events, delays: clock.delays };
}

const retryEvents = (events: SignetEvent[]) => events.filter((e) => e.type === 'request.retry');

describe('send loop retries: Retry-After', () => {
  test('a 429 with Retry-After in seconds is re-sent after that delay, authorized afresh', async () => {
    const { sendLoop, events, delays } = loop();
    const net = fakeTransport((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '3' } } : { status: 200 }));
    const raw = await sendLoop.send(outgoing(`${API}/v1/things`), net.transport);
    expect(raw).toMatchObject({ status: 200, index: 1 });
    expect(delays).toEqual([3000]);
    expect(net.received.map((r) => r.headers['x-proof'])).toEqual(['n-1', 'n-2']);
    expect(net.discarded).toBe(1);
    expect(retryEvents(events)).toEqual([{ type: 'request.retry', status: 429, attempt: 2, delayMs: 3000 }]);
  });

  test('a 503 with an HTTP-date is measured from the response Date, not the local clock', async () => {
    // The local clock is an hour off; the server's own Date makes that irrelevant.
    const { sendLoop, delays } = loop({}, { clock: createClock({ now: () => Date.parse('2026-11-28T09:00:00Z') }) });
    const reply = { status: 503, headers: { date: 'Sat, 28 Nov 2026 10:00:00 GMT', 'retry-after': 'Sat, 28 Nov 2026 10:00:05 GMT' } };
    const net = fakeTransport((_, i) => (i === 0 ? reply : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(delays).toEqual([5000]);
  });

  test('without a Date header, an HTTP-date is measured from the (server-corrected) clock', async () => {
    const { sendLoop, delays } = loop({}, { clock: createClock({ now: () => Date.parse('2026-11-28T10:00:00Z'), offsetMs: 2000 }) });
    const net = fakeTransport((_, i) => (i === 0 ? { status: 503, headers: { 'retry-after': 'Sat, 28 Nov 2026 10:00:09 GMT' } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(delays).toEqual([7000]);
  });

  test('a Retry-After beyond maxDelayMs returns the response instead of waiting', async () => {
    const { sendLoop, delays, events } = loop({ maxDelayMs: 5000 });
    const net = fakeTransport(() => ({ status: 429, headers: { 'retry-after': '6' } }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 429, index: 0 });
    expect(net.received).toHaveLength(1);
    expect(net.discarded).toBe(0);
    expect(delays).toEqual([]);
    expect(retryEvents(events)).toEqual([]);
  });

  test('Retry-After: 0 retries at once; exactly at the cap still waits', async () => {
    const { sendLoop, delays } = loop({ maxDelayMs: 2000 });
    const net = fakeTransport((_, i) => (i < 2 ? { status: 429, headers: { 'retry-after': i === 0 ? '0' : '2' } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(delays).toEqual([0, 2000]);
  });
});

describe('send loop retries: bounds and backoff', () => {
  test('without Retry-After: exponential backoff with jitter, bounded, then the last response is returned', async () => {
    const { sendLoop, delays, events } = loop({ retries: 3 });
    const net = fakeTransport(() => ({ status: 503 }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 503, index: 3 });
    expect(net.received).toHaveLength(4);
    // Three discarded, the last one handed back.
    expect(net.discarded).toBe(3);
    // Equal jitter: half of each step is fixed, so the ranges do not overlap.
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(500);
    expect(delays[1]).toBeLessThanOrEqual(1000);
    expect(delays[2]).toBeGreaterThanOrEqual(1000);
    expect(delays[2]).toBeLessThanOrEqual(2000);
    expect(retryEvents(events).map((e) => e.type === 'request.retry' && e.attempt)).toEqual([2, 3, 4]);
  });

  test('the default is two retries', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 429, headers: { 'retry-after': '1' } }));
    await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(net.received).toHaveLength(3);
  });

  test('backoff is capped by maxDelayMs', async () => {
    const { sendLoop, delays } = loop({ retries: 4, maxDelayMs: 600 });
    await sendLoop.send(outgoing(`${API}/`), fakeTransport(() => ({ status: 503 })).transport);
    expect(Math.max(...delays)).toBeLessThanOrEqual(600);
    expect(delays.slice(1).every((d) => d >= 300)).toBe(true);
  });

  test('only the configured statuses are retried', async () => {
    const { sendLoop } = loop({ statuses: [502] });
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 502 : 429 }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 429, index: 1 });
  });

  test('retry: false and retries: 0 never retry', async () => {
    for (const retry of [false, { retries: 0 }] as const) {
      const { sendLoop } = loop(retry);
      const net = fakeTransport(() => ({ status: 429, headers: { 'retry-after': '1' } }));
      await sendLoop.send(outgoing(`${API}/`), net.transport);
      expect(net.received).toHaveLength(1);
    }
  });
});

describe('send loop retries: only where safe (RFC 9110 §9.2.2)', () => {
  test.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'])('%s is retried', async (method) => {
    const { sendLoop } = loop();
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 503 : 200 }));
    await sendLoop.send(outgoing(`${API}/`, { method }), net.transport);
    expect(net.received).toHaveLength(2);
  });

  test.each(['POST', 'PATCH', 'CONNECT', 'put'])('%s is not retried: the 429 goes back as it is', async (method) => {
    const { sendLoop, delays } = loop();
    const net = fakeTransport(() => ({ status: 429, headers: { 'retry-after': '1' } }));
    const raw = await sendLoop.send(outgoing(`${API}/`, { method, body: new Uint8Array([1]) }), net.transport);
    expect(raw).toMatchObject({ status: 429, index: 0 });
    expect(net.received).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test('a POST with an Idempotency-Key is retried, key and body intact', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 429 : 201, headers: { 'retry-after': '1' } }));
    const raw = await sendLoop.send(outgoing(`${API}/`, { method: 'POST', headers: { 'Idempotency-Key': 'op-7' }, body: new Uint8Array([1, 2]) }), net.transport);
    expect(raw).toMatchObject({ status: 201 });
    expect(net.received.map((r) => [r.method, r.headers['idempotency-key'], r.body])).toEqual([
      ['POST', 'op-7', new Uint8Array([1, 2])],
      ['POST', 'op-7', new Uint8Array([1, 2])],
    ]);
  });

  test('a one-shot stream is never re-sent: body_not_replayable, with nothing sent empty and no wait', async () => {
    const { sendLoop, delays } = loop();
    const net = fakeTransport(() => ({ status: 503, headers: { 'retry-after': '1' } }));
    const error = await sendLoop.send(outgoing(`${API}/`, { method: 'PUT', body: streamBody() }), net.transport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'body_not_replayable', message: expect.stringContaining('asked for a retry') });
    expect(net.received).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test('a stream that a body-signing scheme buffered is replayable: retried with the same bytes', async () => {
    const { credential } = noncedCredential({ requiresBody: true });
    const { sendLoop } = loop({}, {}, credential);
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 503 : 200 }));
    await sendLoop.send(outgoing(`${API}/`, { method: 'PUT', body: streamBody(new Uint8Array([9, 8])) }), net.transport);
    expect(net.received.map((r) => r.body)).toEqual([new Uint8Array([9, 8]), new Uint8Array([9, 8])]);
  });
});

describe('send loop retries: separate from the one auth re-send', () => {
  test('a retry does not use up the auth re-send: 429 → retry → 401 → re-send → 200', async () => {
    const { credential, attempts } = noncedCredential({ resendOn401: true });
    const { sendLoop, events } = loop({}, {}, credential);
    const statuses = [429, 401, 200];
    const net = fakeTransport((_, i) => ({ status: statuses[i]! }));
    expect(await sendLoop.send(outgoing(`${API}/`), net.transport)).toMatchObject({ status: 200, index: 2 });
    expect(attempts).toEqual([1, 1, 2]);
    expect(events.filter((e) => e.type === 'auth.retry' || e.type === 'request.retry').map((e) => e.type)).toEqual(['request.retry', 'auth.retry']);
  });

  test('the auth re-send stays one per request across retries: 401 → re-send → 429 → retry → 401 is returned', async () => {
    const { credential, attempts } = noncedCredential({ resendOn401: true });
    const { sendLoop } = loop({}, {}, credential);
    const statuses = [401, 429, 401, 401];
    const net = fakeTransport((_, i) => ({ status: statuses[i]! }));
    expect(await sendLoop.send(outgoing(`${API}/`), net.transport)).toMatchObject({ status: 401, index: 2 });
    expect(net.received.map((r) => r.headers['x-proof'])).toEqual(['n-1', 'n-2', 'n-3']);
    // The retry after the re-send is attempt 2 too: the credential can tell no re-send follows.
    expect(attempts).toEqual([1, 2, 2]);
  });

  test('a request sent without credentials (another origin) is retried too, still without them', async () => {
    const { sendLoop, events } = loop();
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 503 : 200 }));
    await sendLoop.send(outgoing('https://elsewhere.example.net/'), net.transport);
    expect(net.received.map((r) => r.headers['x-proof'])).toEqual([undefined, undefined]);
    expect(events.filter((e) => e.type === 'credentials.withheld')).toHaveLength(1);
  });
});

describe('send loop retries: network failures', () => {
  test('a fetch network error (TypeError "fetch failed") of a GET is retried after backoff', async () => {
    const { sendLoop, events } = loop();
    let calls = 0;
    const net = fakeTransport();
    const raw = await sendLoop.send(outgoing(`${API}/`), async (request, signal) => {
      if (calls++ === 0) throw new TypeError('fetch failed');
      return net.transport(request, signal);
    });
    expect(raw).toMatchObject({ status: 200 });
    expect(retryEvents(events)).toEqual([{ type: 'request.retry', status: undefined, attempt: 2, delayMs: expect.any(Number) }]);
  });

  test('a Node socket error (code ECONNRESET) is retried; a POST failing the same way is not', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { sendLoop } = loop();
    let calls = 0;
    const transport = async () => {
      calls++;
      throw reset;
    };
    await expect(sendLoop.send(outgoing(`${API}/`), transport)).rejects.toBe(reset);
    expect(calls).toBe(3);
    calls = 0;
    await expect(sendLoop.send(outgoing(`${API}/`, { method: 'POST' }), transport)).rejects.toBe(reset);
    expect(calls).toBe(1);
  });

  test('a bug is not a network failure: a plain TypeError, a Signet error and a thrown non-Error pass through untouched, once', async () => {
    const { sendLoop } = loop();
    for (const thrown of [new TypeError('Headers contains an invalid value'), new SignetRequestError('body_too_large', 'x', { method: 'GET', url: API, headers: {} }), 'a string']) {
      let calls = 0;
      const transport = async () => {
        calls++;
        throw thrown;
      };
      const caught = await sendLoop.send(outgoing(`${API}/`), transport).catch((e: unknown) => e);
      expect(caught).toBe(thrown);
      expect(calls).toBe(1);
    }
  });

  test('networkErrors: false leaves network failures alone', async () => {
    const { sendLoop } = loop({ networkErrors: false });
    let calls = 0;
    await expect(
      sendLoop.send(outgoing(`${API}/`), async () => {
        calls++;
        throw new TypeError('fetch failed');
      }),
    ).rejects.toThrow('fetch failed');
    expect(calls).toBe(1);
  });
});

describe('send loop retries: cancellation', () => {
  test('an abort during the wait rejects at once, even when the injected sleep never ends', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const { sendLoop } = loop({ sleep: (ms) => (started.push(ms), new Promise<void>(() => undefined)) });
    const net = fakeTransport(() => ({ status: 429, headers: { 'retry-after': '5' } }));
    const pending = sendLoop.send(outgoing(`${API}/`), net.transport, { signal: controller.signal });
    await waitFor(() => started.length === 1);
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(net.received).toHaveLength(1);
  });

  test('the injected sleep is handed the signal, so a real timer can be cleared', async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const { sendLoop } = loop({ sleep: async (_ms, signal) => void seen.push(signal) });
    await sendLoop.send(outgoing(`${API}/`), fakeTransport((_, i) => ({ status: i === 0 ? 503 : 200 })).transport, { signal: controller.signal });
    expect(seen).toEqual([controller.signal]);
  });

  test('an abort while the credential is still signing rejects at once, and nothing is sent', async () => {
    const controller = new AbortController();
    let signing = false;
    const slow: Credential = { ...apiKey({ key: 'k' }), authorize: () => ((signing = true), new Promise(() => undefined)) };
    const { sendLoop } = loop({}, {}, slow);
    const net = fakeTransport();
    const pending = sendLoop.send(outgoing(`${API}/`), net.transport, { signal: controller.signal });
    await waitFor(() => signing);
    controller.abort(new Error('stop signing'));
    await expect(pending).rejects.toThrow('stop signing');
    expect(net.received).toHaveLength(0);
  });
});

/** Yields to the event loop until `ready()` holds (never a timer). */
async function waitFor(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await Promise.resolve();
  expect(ready()).toBe(true);
}
