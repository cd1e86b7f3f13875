import { decodeJwt } from 'jose';
import { describe, expect, test } from 'vitest';
import { createClock, createSendLoop, type SignetEvent } from '@signet/core';
import { jwt } from '@signet/core/jwt';
import { fakeTransport, outgoing, type Reply } from '../../support/fake-transport.js';
import { testKeys } from './keys.js';

// The 401 → re-mint → one re-send path, through the real send loop with a scripted transport.
const API = 'https://api.example.com';
const SERVER = 1_700_000_000_000;
const { privateKey } = await testKeys('ES256');

function setup(localMs = SERVER) {
  const events: SignetEvent[] = [];
  let nonces = 0;
  const clock = createClock({ now: () => localMs });
  const loop = createSendLoop(jwt({ algorithm: 'ES256', key: privateKey, issuer: 'svc' }), {
    origins: API,
    clock,
    nonce: () => `jti-${++nonces}`,
    onEvent: (event) => events.push(event),
  });
  return { loop, clock, events, get mints() { return nonces; } };
}

const claimsOf = (headers: Record<string, string>) => decodeJwt(headers.authorization!.slice('Bearer '.length));

describe('jwt() through the send loop', () => {
  test('a 401 drops the cached JWT and re-sends once with a new one; the new one is cached', async () => {
    const s = setup();
    const net = fakeTransport((_request, index) => (index === 0 ? { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } } : { status: 200 }));
    const response = await s.loop.send(outgoing(`${API}/orders`), net.transport);
    expect(response.status).toBe(200);
    expect(net.received).toHaveLength(2);
    expect(net.discarded).toBe(1);
    expect(claimsOf(net.received[0]!.headers).jti).toBe('jti-1');
    expect(claimsOf(net.received[1]!.headers).jti).toBe('jti-2');
    expect(s.events).toContainEqual({ type: 'auth.retry', scheme: 'jwt', status: 401 });
    await s.loop.send(outgoing(`${API}/orders`), net.transport);
    expect(net.received[2]!.headers.authorization).toBe(net.received[1]!.headers.authorization);
    expect(s.mints).toBe(2);
  });

  test('a server that always answers 401 gets two requests per call, never a loop', async () => {
    const s = setup();
    const net = fakeTransport(() => ({ status: 401 }));
    expect((await s.loop.send(outgoing(`${API}/orders`), net.transport)).status).toBe(401);
    expect(net.received).toHaveLength(2);
    // The re-send's JWT was not dropped on its own 401 (a third mint would not help).
    expect(s.mints).toBe(2);
    expect(s.events.filter((e) => e.type === 'auth.retry')).toHaveLength(1);
  });

  test('200, 403 and 500 ask for nothing', async () => {
    for (const status of [200, 403, 500]) {
      const s = setup();
      const net = fakeTransport(() => ({ status }));
      await s.loop.send(outgoing(`${API}/orders`), net.transport);
      expect(net.received).toHaveLength(1);
      expect(s.mints).toBe(1);
    }
  });

  test("a client 10 minutes behind: the 401's Date header corrects the clock and the re-send is in server time", async () => {
    const s = setup(SERVER - 600_000);
    const date = new Date(SERVER).toUTCString();
    const net = fakeTransport((_request, index): Reply => (index === 0 ? { status: 401, headers: { date, 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' } } : { status: 200, headers: { date } }));
    await s.loop.send(outgoing(`${API}/orders`), net.transport);
    expect(claimsOf(net.received[0]!.headers).exp).toBe(1_699_999_700); // local time: already expired for the server
    expect(claimsOf(net.received[1]!.headers)).toMatchObject({ iat: 1_700_000_000, exp: 1_700_000_300 });
    expect(s.events).toContainEqual({ type: 'clock.adjusted', offsetMs: 600_500 });
  });

  test('a skew challenge (no Date header) teaches the clock; the re-send is signed on it', async () => {
    const s = setup(SERVER + 600_000);
    const challenge = `Bearer error="timestamp_skew", server_time="${SERVER / 1000}"`;
    const net = fakeTransport((_request, index) => (index === 0 ? { status: 401, headers: { 'www-authenticate': challenge } } : { status: 200 }));
    await s.loop.send(outgoing(`${API}/orders`), net.transport);
    expect(net.received).toHaveLength(2);
    expect(claimsOf(net.received[0]!.headers).iat).toBe(1_700_000_600);
    expect(claimsOf(net.received[1]!.headers).iat).toBe(1_700_000_000);
  });

  test('a skew challenge that a new JWT cannot fix (iat already agrees with server_time) is not re-sent', async () => {
    const s = setup();
    const challenge = `Bearer error="timestamp_skew", server_time="${SERVER / 1000}"`;
    const net = fakeTransport(() => ({ status: 401, headers: { 'www-authenticate': challenge } }));
    expect((await s.loop.send(outgoing(`${API}/orders`), net.transport)).status).toBe(401);
    expect(net.received).toHaveLength(1);
    expect(s.mints).toBe(1);
  });

  test('a redirect to another origin carries no JWT', async () => {
    const s = setup();
    const net = fakeTransport((_request, index) => (index === 0 ? { status: 307, headers: { location: 'https://elsewhere.example/x' } } : { status: 200 }));
    await s.loop.send(outgoing(`${API}/orders`), net.transport);
    expect(net.received).toHaveLength(2);
    expect(net.received[0]!.headers.authorization).toMatch(/^Bearer /);
    expect(net.received[1]!.headers.authorization).toBeUndefined();
  });
});
