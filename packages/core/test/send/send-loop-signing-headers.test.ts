import { describe, expect, test } from 'vitest';
import { apiKey, createSendLoop, type Credential, type OutgoingRequest, SigningHeaders, withHeader } from '@signet/core';
import { fakeTransport, outgoing } from '../support/fake-transport.js';

// The send loop hands each attempt headers it owns; a scheme writes into them and the loop undoes
// the writes before the next attempt (a re-send, a retry, a redirect hop).
const API = 'https://api.example.com';

/** A credential that writes a header named after the attempt, and deletes the caller's x-trace on the first. */
function perAttemptCredential(write: 'helper' | 'direct' = 'helper'): Credential {
  let authorized = 0;
  return {
    scheme: 'per-attempt',
    requiresBody: false,
    sensitiveHeaders: ['x-proof-1', 'x-proof-2', 'x-proof-3'],
    sensitiveQueryParams: [],
    async authorize(request) {
      authorized++;
      if (authorized === 1) request.headers.delete('x-trace');
      if (write === 'direct') {
        request.headers.set(`x-proof-${authorized}`, 'yes');
        return request;
      }
      return withHeader(request, `x-proof-${authorized}`, 'yes');
    },
    onResponse: (response) => (response.status === 401 ? 'retry' : undefined),
  };
}

const names = (headers: Record<string, string>) => Object.keys(headers).sort();

describe('send loop: each attempt starts from the request its caller made', () => {
  test('an auth re-send carries only its own authorization, and what the first attempt deleted is back', async () => {
    for (const write of ['helper', 'direct'] as const) {
      const loop = createSendLoop(perAttemptCredential(write), { origins: API });
      const net = fakeTransport((_, i) => ({ status: i === 0 ? 401 : 200 }));
      await loop.send(outgoing(`${API}/`, { headers: { 'x-trace': 't-1' } }), net.transport);
      expect(net.received.map((r) => names(r.headers))).toEqual([['x-proof-1'], ['x-proof-2', 'x-trace']]);
    }
  });

  test('a 429 retry is authorized afresh from the original headers', async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API, retry: { sleep: async () => undefined } });
    const net = fakeTransport((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200 }));
    await loop.send(outgoing(`${API}/`, { headers: { 'x-trace': 't-1' } }), net.transport);
    expect(net.received.map((r) => names(r.headers))).toEqual([['x-proof-1'], ['x-proof-2', 'x-trace']]);
  });

  test('a same-origin redirect hop does not carry the previous hop’s authorization', async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API });
    const net = fakeTransport((_, i) => (i === 0 ? { status: 302, headers: { location: '/next' } } : { status: 200 }));
    await loop.send(outgoing(`${API}/`, { headers: { 'x-trace': 't-1' } }), net.transport);
    expect(net.received.map((r) => names(r.headers))).toEqual([['x-proof-1'], ['x-proof-2', 'x-trace']]);
  });

  test('a hop off the origins gets the caller’s headers without any authorization', async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API });
    const net = fakeTransport((_, i) => (i === 0 ? { status: 307, headers: { location: 'https://elsewhere.example.net/x' } } : { status: 200 }));
    await loop.send(outgoing(`${API}/`, { headers: { 'x-trace': 't-1' } }), net.transport);
    expect(net.received.map((r) => names(r.headers))).toEqual([['x-proof-1'], ['x-trace']]);
  });
});

describe('send loop: headers that went out are never changed afterwards', () => {
  test('a transport that keeps the headers of an attempt still sees what that attempt sent', async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API });
    const kept: Headers[] = [];
    const net = fakeTransport((request, i) => {
      kept.push(request.headers);
      return { status: i === 0 ? 401 : 200 };
    });
    await loop.send(outgoing(`${API}/`, { headers: { 'x-trace': 't-1' } }), net.transport);
    expect(kept[0]).not.toBe(kept[1]);
    expect(names(Object.fromEntries(kept[0]!))).toEqual(['x-proof-1']);
    expect(names(Object.fromEntries(kept[1]!))).toEqual(['x-proof-2', 'x-trace']);
  });

  test('SigningHeaders used for one send start the next from before its attempt: nothing of the credential goes along', async () => {
    const loop = createSendLoop(apiKey({ key: 'k-live-0001' }), { origins: API });
    const headers = new SigningHeaders({ accept: 'application/json' });
    const net = fakeTransport();
    await loop.send({ method: 'GET', url: new URL(`${API}/a`), headers, body: undefined }, net.transport);
    await loop.send({ method: 'GET', url: new URL('https://evil.example.net/'), headers, body: undefined }, net.transport);
    expect(net.received[0]!.headers.authorization).toBe('ApiKey k-live-0001');
    expect(net.received[1]!.headers).toEqual({ accept: 'application/json' });
    // Outside a send the helpers copy again: the headers are not left open for writing.
    expect(headers.inAttempt).toBe(false);
  });
});

describe('send loop: one copy of the headers per request', () => {
  test("an adapter's SigningHeaders are handed over: the transport sends that very object, signed", async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API });
    const headers = new SigningHeaders({ accept: 'text/plain' });
    const sent: Headers[] = [];
    const net = fakeTransport((request) => {
      sent.push(request.headers);
      return { status: 200 };
    });
    const request: OutgoingRequest = { method: 'GET', url: new URL(`${API}/`), headers, body: undefined };
    await loop.send(request, net.transport);
    expect(sent[0]).toBe(headers);
    expect(net.received[0]!.headers).toEqual({ accept: 'text/plain', 'x-proof-1': 'yes' });
  });

  test('any other Headers is copied first, and never written to', async () => {
    const loop = createSendLoop(perAttemptCredential(), { origins: API });
    const headers = new Headers({ accept: 'text/plain', 'x-trace': 't-1' });
    const sent: Headers[] = [];
    const net = fakeTransport((request) => {
      sent.push(request.headers);
      return { status: 200 };
    });
    await loop.send({ method: 'GET', url: new URL(`${API}/`), headers, body: undefined }, net.transport);
    expect(sent[0]).not.toBe(headers);
    expect(sent[0]).toBeInstanceOf(SigningHeaders);
    expect([...headers]).toEqual([
      ['accept', 'text/plain'],
      ['x-trace', 't-1'],
    ]);
  });
});

describe('send loop: headers that went out without authorization are never changed either (found in review)', () => {
  const EVIL = 'https://evil.example.net';
  const KEY = 'k-live-0001';

  test('a 303 after an unauthorized POST drops content headers on a copy, not on what the transport was given', async () => {
    const loop = createSendLoop(apiKey({ key: KEY }), { origins: API });
    const kept: Headers[] = [];
    const net = fakeTransport((request, i) => {
      kept.push(request.headers);
      return i === 0 ? { status: 303, headers: { location: '/done' } } : { status: 200 };
    });
    await loop.send({ method: 'POST', url: new URL(`${EVIL}/submit`), headers: new SigningHeaders({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{}') }, net.transport);
    expect(kept[0]).not.toBe(kept[1]);
    expect(kept[0]!.get('content-type')).toBe('application/json');
    expect(kept[1]!.has('content-type')).toBe(false);
  });

  test('hops after leaving the origins each get their own headers', async () => {
    const loop = createSendLoop(apiKey({ key: KEY }), { origins: API });
    const kept: Headers[] = [];
    const net = fakeTransport((request, i) => {
      kept.push(request.headers);
      if (i === 0) return { status: 307, headers: { location: `${EVIL}/a` } };
      if (i === 1) return { status: 307, headers: { location: 'https://third.example.org/b' } };
      return { status: 200 };
    });
    await loop.send({ method: 'GET', url: new URL(`${API}/`), headers: new SigningHeaders({ cookie: 'c=1' }), body: undefined }, net.transport);
    expect(net.received.map((r) => r.headers)).toEqual([{ authorization: `ApiKey ${KEY}`, cookie: 'c=1' }, {}, {}]);
    expect(new Set(kept).size).toBe(3);
  });

  test('a later send given the same headers does not authorize into what an unauthorized send went out with', async () => {
    const loop = createSendLoop(apiKey({ key: KEY }), { origins: API });
    const kept: Headers[] = [];
    const net = fakeTransport((request) => {
      kept.push(request.headers);
      return { status: 200 };
    });
    const headers = new SigningHeaders({ accept: 'application/json' });
    await loop.send({ method: 'GET', url: new URL(`${EVIL}/`), headers, body: undefined }, net.transport);
    await loop.send({ method: 'GET', url: new URL(`${API}/`), headers, body: undefined }, net.transport);
    expect(kept[0]!.get('authorization')).toBeNull();
    expect(kept[1]!.get('authorization')).toBe(`ApiKey ${KEY}`);
  });

  test("two sends sharing one SigningHeaders at once: the unauthorized one's retry never carries the other's API key", async () => {
    const loop = createSendLoop(apiKey({ key: KEY }), { origins: API, retry: { sleep: async () => undefined } });
    let evilCalls = 0;
    const net = fakeTransport((request) => {
      if (request.url.origin === EVIL && evilCalls++ === 0) return { status: 503, headers: { 'retry-after': '0' } };
      return { status: 200 };
    });
    const headers = new SigningHeaders({ accept: 'application/json' });
    await Promise.all([
      loop.send({ method: 'GET', url: new URL(`${EVIL}/`), headers, body: undefined }, net.transport),
      loop.send({ method: 'GET', url: new URL(`${API}/`), headers, body: undefined }, net.transport),
    ]);
    const toEvil = net.received.filter((r) => r.url.startsWith(EVIL));
    expect(toEvil).toHaveLength(2);
    for (const r of toEvil) expect(r.headers.authorization).toBeUndefined();
    expect(net.received.find((r) => r.url.startsWith(API))!.headers.authorization).toBe(`ApiKey ${KEY}`);
  });

  test("two sends sharing one SigningHeaders while bodies are buffered: each keeps its own content type", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Credential = {
      scheme: 'slow',
      requiresBody: true,
      sensitiveHeaders: ['x-sig'],
      sensitiveQueryParams: [],
      async authorize(request) {
        await gate;
        return withHeader(request, 'x-sig', 'sig');
      },
    };
    const loop = createSendLoop(slow, { origins: API });
    const net = fakeTransport();
    const headers = new SigningHeaders();
    const bodyA = { value: 'a', replayable: false, read: async () => ({ bytes: new Uint8Array([1]), contentType: undefined }) };
    const bodyB = {
      value: 'b',
      replayable: false,
      read: async () => {
        await Promise.resolve();
        await Promise.resolve();
        return { bytes: new Uint8Array([2]), contentType: 'application/json' };
      },
    };
    const a = loop.send({ method: 'POST', url: new URL(`${API}/a`), headers, body: bodyA }, net.transport);
    const b = loop.send({ method: 'POST', url: new URL(`${API}/b`), headers, body: bodyB }, net.transport);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([a, b]);
    const byUrl = Object.fromEntries(net.received.map((r) => [r.url, r.headers]));
    expect(byUrl[`${API}/a`]).toEqual({ 'x-sig': 'sig' });
    expect(byUrl[`${API}/b`]).toEqual({ 'content-type': 'application/json', 'x-sig': 'sig' });
  });
});
