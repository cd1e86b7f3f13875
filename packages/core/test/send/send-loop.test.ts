import { describe, expect, test } from 'vitest';
import { apiKey, createClock, createSendLoop, type Credential, type SendLoopOptions, type SignetEvent, SignetRequestError } from '@signet/core';
import { fakeTransport, outgoing, streamBody } from '../support/fake-transport.js';

const API = 'https://api.example.com';
const KEY = 'k-live-0001';

function loop(credential: Credential = apiKey({ key: KEY, header: 'X-API-Key' }), options: Partial<SendLoopOptions> = {}) {
  const events: SignetEvent[] = [];
  const sendLoop = createSendLoop(credential, { origins: API, onEvent: (e) => events.push(e), ...options });
  return { sendLoop, events };
}

/** A credential that counts its calls and can ask for a re-send. */
function countingCredential(verdict: (status: number) => 'retry' | undefined = () => undefined) {
  const calls = { authorize: [] as number[], onResponse: 0 };
  const credential: Credential = {
    scheme: 'counting',
    requiresBody: false,
    sensitiveHeaders: ['x-proof'],
    sensitiveQueryParams: [],
    async authorize(request, context) {
      calls.authorize.push(context.attempt);
      const headers = new Headers(request.headers);
      headers.set('x-proof', `attempt-${context.attempt}`);
      return { ...request, headers };
    },
    onResponse(response) {
      calls.onResponse++;
      return verdict(response.status);
    },
  };
  return { credential, calls };
}

async function rejection(promise: Promise<unknown>): Promise<SignetRequestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignetRequestError);
  return error as SignetRequestError;
}

describe('send loop: authorize and send', () => {
  test('authorizes a request to a configured origin and returns the raw response', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 200 }));
    const raw = await sendLoop.send(outgoing(`${API}/v1/things`), net.transport);
    expect(raw).toEqual({ status: 200, index: 0 });
    expect(net.received[0]!.headers['x-api-key']).toBe(KEY);
  });

  test('withholds credentials from an origin it is not configured for, and says so', async () => {
    const { sendLoop, events } = loop();
    const net = fakeTransport();
    await sendLoop.send(outgoing('https://evil.example.net/steal?x=1'), net.transport);
    expect(net.received[0]!.headers).toEqual({});
    expect(events).toContainEqual({ type: 'credentials.withheld', scheme: 'api-key', url: 'https://evil.example.net/steal?x=[redacted]', reason: 'origin_not_allowed' });
  });

  test('an origin differs by scheme and port: http and another port get nothing', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport();
    await sendLoop.send(outgoing('https://api.example.com:8443/'), net.transport);
    expect(net.received[0]!.headers['x-api-key']).toBeUndefined();
  });

  test('does not change the caller request', async () => {
    const { sendLoop } = loop();
    const request = outgoing(`${API}/v1`, { headers: { accept: 'text/plain' } });
    await sendLoop.send(request, fakeTransport().transport);
    expect([...request.headers]).toEqual([['accept', 'text/plain']]);
  });
});

describe('send loop: at most one re-send for auth', () => {
  test('re-sends once when the credential asks, with a fresh authorization', async () => {
    const { credential, calls } = countingCredential((status) => (status === 401 ? 'retry' : undefined));
    const { sendLoop, events } = loop(credential);
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 401 : 200 }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 200 });
    expect(net.received.map((r) => r.headers['x-proof'])).toEqual(['attempt-1', 'attempt-2']);
    expect(calls.authorize).toEqual([1, 2]);
    expect(net.discarded).toBe(1);
    expect(events).toContainEqual({ type: 'auth.retry', scheme: 'counting', status: 401 });
  });

  test('a server that always answers 401 gets exactly two attempts, then the 401 is returned', async () => {
    const { credential, calls } = countingCredential(() => 'retry');
    const { sendLoop } = loop(credential);
    const net = fakeTransport(() => ({ status: 401 }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 401, index: 1 });
    expect(net.received).toHaveLength(2);
    expect(calls.authorize).toEqual([1, 2]);
    expect(calls.onResponse).toBe(2); // it sees the second 401 too, but its 'retry' is not honoured
  });

  test('the one re-send is per request, not per redirect hop', async () => {
    const { credential, calls } = countingCredential((status) => (status === 401 ? 'retry' : undefined));
    const { sendLoop } = loop(credential);
    // 401 → re-send → 302 to the same origin → 401 again: that second 401 goes back to the caller.
    const net = fakeTransport((_, i) => (i === 1 ? { status: 302, headers: { location: '/next' } } : { status: 401 }));
    const raw = await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(raw).toMatchObject({ status: 401, index: 2 });
    expect(net.received.map((r) => r.url)).toEqual([`${API}/`, `${API}/`, `${API}/next`]);
    // The hop after the re-send is attempt 2 as well: the credential can tell no re-send follows.
    expect(calls.authorize).toEqual([1, 2, 2]);
  });

  test('the credential sees the clock already corrected by the response it is judging', async () => {
    const offsets: number[] = [];
    const { credential } = countingCredential();
    const probe: Credential = { ...credential, onResponse: (_response, _request, context) => void offsets.push(context.clock.offsetMs) };
    const clock = createClock({ now: () => Date.parse('2026-01-01T00:00:00Z') });
    const { sendLoop } = loop(probe, { clock });
    await sendLoop.send(outgoing(`${API}/`), fakeTransport(() => ({ status: 401, headers: { date: 'Thu, 01 Jan 2026 00:10:00 GMT' } })).transport);
    expect(offsets).toEqual([600_500]);
  });

  test("a verdict given at once and one from another library's promise-like are both honoured", async () => {
    for (const wrap of [(v: 'retry' | undefined) => v, (v: 'retry' | undefined) => ({ then: (resolve: (x: 'retry' | undefined) => void) => resolve(v) })]) {
      const { credential, calls } = countingCredential();
      const { sendLoop } = loop({ ...credential, onResponse: (response) => wrap(response.status === 401 ? 'retry' : undefined) as never });
      const net = fakeTransport((_, i) => ({ status: i === 0 ? 401 : 200 }));
      expect(await sendLoop.send(outgoing(`${API}/`), net.transport)).toMatchObject({ status: 200, index: 1 });
      expect(calls.authorize).toEqual([1, 2]);
    }
  });

  test('a credential without onResponse never causes a re-send (API key on 401)', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 401 }));
    await sendLoop.send(outgoing(`${API}/`), net.transport);
    expect(net.received).toHaveLength(1);
  });
});

describe('send loop: redirects and the origin policy', () => {
  test('a cross-origin redirect carries no credential of any kind', async () => {
    const { sendLoop, events } = loop(apiKey({ key: KEY, header: 'X-API-Key' }));
    const net = fakeTransport((_, i) => (i === 0 ? { status: 302, headers: { location: 'https://cdn.example.net/file?sig=abc' } } : { status: 200 }));
    await sendLoop.send(
      outgoing(`${API}/download`, { headers: { authorization: 'Bearer caller-set', cookie: 'sid=1', 'proxy-authorization': 'Basic x', accept: '*/*' } }),
      net.transport,
    );
    expect(net.received[0]!.headers['x-api-key']).toBe(KEY);
    expect(net.received[1]).toEqual({ method: 'GET', url: 'https://cdn.example.net/file?sig=abc', headers: { accept: '*/*' }, body: undefined });
    expect(events).toContainEqual({ type: 'redirect.followed', status: 302, from: `${API}/download`, to: 'https://cdn.example.net/file?sig=[redacted]', authorized: false });
    expect(events).toContainEqual(expect.objectContaining({ type: 'credentials.withheld', reason: 'redirected_off_origin' }));
  });

  test('a query-parameter key is removed from a cross-origin redirect target', async () => {
    const { sendLoop } = loop(apiKey({ key: KEY, query: 'api_key' }));
    const net = fakeTransport((request, i) =>
      i === 0 ? { status: 307, headers: { location: `https://other.example.net/x?${request.url.searchParams}` } } : { status: 200 },
    );
    await sendLoop.send(outgoing(`${API}/x?page=1`), net.transport);
    expect(net.received[0]!.url).toBe(`${API}/x?page=1&api_key=${KEY}`);
    expect(net.received[1]!.url).toBe('https://other.example.net/x?page=1');
  });

  test('a redirect target keeps its exact query bytes when there is nothing to strip', async () => {
    const { sendLoop } = loop(apiKey({ key: KEY, query: 'api_key' }));
    const net = fakeTransport((_, i) => (i === 0 ? { status: 302, headers: { location: 'https://cdn.example.net/f?sig=a%20b*c' } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/f`), net.transport);
    expect(net.received[1]!.url).toBe('https://cdn.example.net/f?sig=a%20b*c');
  });

  test('same-origin redirects are authorized again on every hop', async () => {
    const { credential, calls } = countingCredential();
    const { sendLoop } = loop(credential);
    const net = fakeTransport((_, i) => (i < 2 ? { status: 301, headers: { location: `/hop${i + 1}` } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/start`), net.transport);
    expect(net.received.map((r) => [r.url, r.headers['x-proof']])).toEqual([
      [`${API}/start`, 'attempt-1'],
      [`${API}/hop1`, 'attempt-1'],
      [`${API}/hop2`, 'attempt-1'],
    ]);
    expect(calls.authorize).toEqual([1, 1, 1]);
  });

  test('a redirect to another configured origin is authorized', async () => {
    const { sendLoop } = loop(undefined, { origins: [API, 'https://uploads.example.com'] });
    const net = fakeTransport((_, i) => (i === 0 ? { status: 307, headers: { location: 'https://uploads.example.com/u' } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/u`), net.transport);
    expect(net.received[1]!.headers['x-api-key']).toBe(KEY);
  });

  test('once a chain has left the configured origins, coming back does not re-attach credentials', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport((_, i) =>
      i === 0
        ? { status: 302, headers: { location: 'https://evil.example.net/bounce' } }
        : i === 1
          ? { status: 307, headers: { location: `${API}/admin/delete` } }
          : { status: 200 },
    );
    await sendLoop.send(outgoing(`${API}/start`), net.transport);
    expect(net.received.map((r) => r.headers['x-api-key'])).toEqual([KEY, undefined, undefined]);
  });

  test('a chain that starts off the configured origins never gets credentials, even when it arrives on one', async () => {
    const { sendLoop, events } = loop();
    const net = fakeTransport((_, i) => (i === 0 ? { status: 307, headers: { location: `${API}/admin/delete-everything` } } : { status: 200 }));
    await sendLoop.send(outgoing('https://evil.example.net/callback', { method: 'POST', body: new Uint8Array([1]) }), net.transport);
    expect(net.received.map((r) => [r.url, r.headers['x-api-key']])).toEqual([
      ['https://evil.example.net/callback', undefined],
      [`${API}/admin/delete-everything`, undefined],
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'redirect.followed', authorized: false }));
  });

  test('https → http is refused, and nothing is sent to the http URL', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 301, headers: { location: 'http://api.example.com/plain' } }));
    const error = await rejection(sendLoop.send(outgoing(`${API}/secure?token=abc`), net.transport));
    expect(error.code).toBe('redirect_downgrade');
    expect(error.message).toContain('https to plain http');
    expect(error.request.url).toBe(`${API}/secure?token=[redacted]`);
    expect(net.received).toHaveLength(1);
  });

  test('a redirect to a non-http scheme is refused', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 302, headers: { location: 'file:///etc/passwd' } }));
    expect((await rejection(sendLoop.send(outgoing(`${API}/`), net.transport))).code).toBe('redirect_refused');
  });

  test('303 turns a POST into a GET without body or content headers; 307 keeps both', async () => {
    const body = new Uint8Array([7, 7, 7]);
    for (const [status, method, sentBody, contentType] of [
      [303, 'GET', undefined, undefined],
      [302, 'GET', undefined, undefined],
      [307, 'POST', body, 'application/json'],
      [308, 'POST', body, 'application/json'],
    ] as const) {
      const { sendLoop } = loop();
      const net = fakeTransport((_, i) => (i === 0 ? { status, headers: { location: '/next' } } : { status: 200 }));
      await sendLoop.send(outgoing(`${API}/`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), net.transport);
      expect(net.received[1]).toMatchObject({ method, body: sentBody });
      expect(net.received[1]!.headers['content-type']).toBe(contentType);
    }
  });

  test('redirect loops end with too_many_redirects after maxRedirects hops', async () => {
    const { sendLoop } = loop(undefined, { maxRedirects: 3 });
    const net = fakeTransport(() => ({ status: 302, headers: { location: '/loop' } }));
    const error = await rejection(sendLoop.send(outgoing(`${API}/loop`), net.transport));
    expect(error.code).toBe('too_many_redirects');
    expect(net.received).toHaveLength(4);
    expect(net.discarded).toBe(4);
  });

  test("redirect: 'manual' returns the 3xx; 'error' throws redirect_refused", async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 302, headers: { location: '/elsewhere' } }));
    expect(await sendLoop.send(outgoing(`${API}/`), net.transport, { redirect: 'manual' })).toMatchObject({ status: 302 });
    expect((await rejection(sendLoop.send(outgoing(`${API}/`), net.transport, { redirect: 'error' }))).code).toBe('redirect_refused');
    expect(net.received).toHaveLength(2);
  });

  test('a 3xx without Location is returned as it is', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 304 }));
    expect(await sendLoop.send(outgoing(`${API}/`), net.transport)).toMatchObject({ status: 304 });
  });
});

describe('send loop: the body policy', () => {
  test('a stream is sent once as it is when the scheme does not read bodies', async () => {
    const { sendLoop } = loop();
    const body = streamBody();
    const net = fakeTransport();
    await sendLoop.send(outgoing(`${API}/upload`, { method: 'POST', body }), net.transport);
    expect(net.received[0]!.body).toBe('stream');
    expect(body.reads).toBe(0);
  });

  test('a stream that a 307 would need again fails with body_not_replayable and is never re-sent empty', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport(() => ({ status: 307, headers: { location: '/again' } }));
    const error = await rejection(sendLoop.send(outgoing(`${API}/upload`, { method: 'PUT', body: streamBody() }), net.transport));
    expect(error.code).toBe('body_not_replayable');
    expect(error.message).toContain('redirect');
    expect(net.received).toHaveLength(1);
  });

  test('a stream that an auth re-send would need fails with body_not_replayable', async () => {
    const { credential, calls } = countingCredential(() => 'retry');
    const { sendLoop } = loop(credential);
    const net = fakeTransport(() => ({ status: 401 }));
    const error = await rejection(sendLoop.send(outgoing(`${API}/upload`, { method: 'POST', body: streamBody() }), net.transport));
    expect(error.code).toBe('body_not_replayable');
    expect(error.message).toContain('re-send');
    expect(net.received).toHaveLength(1);
    expect(calls.authorize).toEqual([1]);
  });

  test('a 303 after a stream upload is fine: the next hop has no body', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport((_, i) => (i === 0 ? { status: 303, headers: { location: '/done' } } : { status: 200 }));
    await sendLoop.send(outgoing(`${API}/upload`, { method: 'POST', body: streamBody() }), net.transport);
    expect(net.received.map((r) => r.body)).toEqual(['stream', undefined]);
  });

  test('a scheme that reads bodies gets them buffered once, with the content type the transport would add', async () => {
    const seen: Array<Uint8Array | undefined> = [];
    const reading: Credential = {
      scheme: 'reading',
      requiresBody: true,
      sensitiveHeaders: [],
      sensitiveQueryParams: [],
      authorize: async (request) => {
        seen.push(request.body);
        return request;
      },
      onResponse: (response) => (response.status === 401 ? 'retry' : undefined),
    };
    const { sendLoop } = loop(reading);
    const body = streamBody(new Uint8Array([9, 8, 7]));
    const net = fakeTransport((_, i) => ({ status: i === 0 ? 401 : 200 }));
    const request = outgoing(`${API}/`, { method: 'POST', body });
    await sendLoop.send(request, net.transport);
    expect(request.headers.has('content-type')).toBe(false); // the caller's headers are never written
    expect(body.reads).toBe(1);
    expect(seen).toEqual([new Uint8Array([9, 8, 7]), new Uint8Array([9, 8, 7])]);
    expect(net.received.map((r) => r.body)).toEqual([new Uint8Array([9, 8, 7]), new Uint8Array([9, 8, 7])]);
    expect(net.received[0]!.headers['content-type']).toBe('application/octet-stream');
  });

  test('buffering passes maxBodyBytes to the body, whose body_too_large stops the request before sending', async () => {
    const reading: Credential = { scheme: 'reading', requiresBody: true, sensitiveHeaders: [], sensitiveQueryParams: [], authorize: async (r) => r };
    const { sendLoop } = loop(reading, { maxBodyBytes: 1234 });
    const limits: number[] = [];
    const body = {
      value: 'x',
      replayable: true,
      read: async (maxBytes: number) => {
        limits.push(maxBytes);
        throw new SignetRequestError('body_too_large', 'too large', { method: 'POST', url: API, headers: {} });
      },
    };
    const net = fakeTransport();
    expect((await rejection(sendLoop.send(outgoing(`${API}/`, { method: 'POST', body }), net.transport))).code).toBe('body_too_large');
    expect(limits).toEqual([1234]);
    expect(net.received).toHaveLength(0);
  });
});

describe('send loop: clock, cancellation, events', () => {
  test('learns the server clock from Date headers of configured origins only', async () => {
    const clock = createClock({ now: () => Date.parse('2026-01-01T00:00:00Z') });
    const { sendLoop, events } = loop(undefined, { clock });
    const ahead = new Date(Date.parse('2026-01-01T00:05:00Z')).toUTCString();
    await sendLoop.send(outgoing('https://other.example.net/'), fakeTransport(() => ({ status: 200, headers: { date: ahead } })).transport);
    expect(clock.offsetMs).toBe(0);
    await sendLoop.send(outgoing(`${API}/`), fakeTransport(() => ({ status: 200, headers: { date: ahead } })).transport);
    expect(clock.offsetMs).toBe(300_500);
    expect(events).toContainEqual({ type: 'clock.adjusted', offsetMs: 300_500 });
  });

  test('reads each Date value once: the same value again (a cached copy) does not move the clock; the next one does', async () => {
    let local = Date.parse('2026-01-01T00:00:00Z');
    const clock = createClock({ now: () => local });
    const { sendLoop, events } = loop(undefined, { clock });
    const at = (iso: string) => fakeTransport(() => ({ status: 200, headers: { date: new Date(Date.parse(iso)).toUTCString() } })).transport;
    await sendLoop.send(outgoing(`${API}/`), at('2026-01-01T00:00:00Z'));
    expect(clock.offsetMs).toBe(0);
    // A minute later the same Date comes back (a cache's copy): read once already, so no change.
    local += 60_000;
    await sendLoop.send(outgoing(`${API}/`), at('2026-01-01T00:00:00Z'));
    expect(clock.offsetMs).toBe(0);
    // A Date the server just wrote, a minute behind this clock: learned.
    await sendLoop.send(outgoing(`${API}/`), at('2026-01-01T00:00:01Z'));
    expect(clock.offsetMs).toBe(-58_500);
    expect(events.filter((event) => event.type === 'clock.adjusted')).toEqual([{ type: 'clock.adjusted', offsetMs: -58_500 }]);
  });

  test('an aborted signal stops the request before anything is sent', async () => {
    const { sendLoop } = loop();
    const net = fakeTransport();
    const controller = new AbortController();
    controller.abort(new Error('user navigated away'));
    await expect(sendLoop.send(outgoing(`${API}/`), net.transport, { signal: controller.signal })).rejects.toThrow('user navigated away');
    expect(net.received).toHaveLength(0);
  });

  test('an abort between redirect hops stops the chain', async () => {
    const { sendLoop } = loop();
    const controller = new AbortController();
    const net = fakeTransport(() => {
      controller.abort(new Error('stop'));
      return { status: 302, headers: { location: '/next' } };
    });
    await expect(sendLoop.send(outgoing(`${API}/`), net.transport, { signal: controller.signal })).rejects.toThrow('stop');
    expect(net.received).toHaveLength(1);
  });

  test('a listener that throws does not break the request', async () => {
    const sendLoop = createSendLoop(apiKey({ key: KEY }), {
      origins: API,
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    expect(await sendLoop.send(outgoing('https://other.example.net/'), fakeTransport().transport)).toMatchObject({ status: 200 });
  });

  test('nonce and crypto defaults give 128-bit base64url nonces', async () => {
    const nonces: string[] = [];
    const probe: Credential = {
      scheme: 'probe',
      requiresBody: false,
      sensitiveHeaders: [],
      sensitiveQueryParams: [],
      authorize: async (request, context) => {
        nonces.push(context.nonce(), context.nonce());
        return request;
      },
    };
    await createSendLoop(probe, { origins: API }).send(outgoing(`${API}/`), fakeTransport().transport);
    expect(nonces[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
