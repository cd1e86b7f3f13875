import { describe, expect, test } from 'vitest';
import { createClock, createSendLoop } from '@signet/core';
import { webhook } from '@signet/core/webhooks';
import { fakeTransport, outgoing, streamBody } from '../../support/fake-transport.js';
import { nodeV1, secretOf } from './vectors.js';

// The receiver here is independent of Signet (node:crypto, see vectors.ts): core cannot depend on
// @signet/verifier. packages/verifier/test/webhooks runs the same round trip through Signet's
// receiver and the reference library.
const PARTNER = 'https://partner.example';
const SECRET = secretOf(32, 11);
const OLD = secretOf(24, 12);

function receives(received: { headers: Record<string, string>; body: unknown }, secret: string): boolean {
  const { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': signature } = received.headers;
  if (!id || !ts || !signature || !(received.body instanceof Uint8Array)) return false;
  const expected = nodeV1(secret, id, ts, received.body);
  return signature.split(' ').includes(expected);
}

describe('webhook() through the send loop', () => {
  test('what is sent verifies: exact body bytes, caller id kept, clock time', async () => {
    const loop = createSendLoop(webhook({ secrets: SECRET }), { origins: PARTNER, clock: createClock({ now: () => 1_700_000_123_456 }) });
    const net = fakeTransport();
    const body = new TextEncoder().encode('{"type":"invoice.paid","data":{"id":"in_1"}}');
    await loop.send(outgoing(`${PARTNER}/hooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'webhook-id': 'evt_1' }, body }), net.transport);
    const [sent] = net.received;
    expect(sent!.headers['webhook-id']).toBe('evt_1');
    expect(sent!.headers['webhook-timestamp']).toBe('1700000123');
    expect(sent!.body).toEqual(body);
    expect(receives(sent!, SECRET)).toBe(true);
    expect(receives(sent!, OLD)).toBe(false);
  });

  test('a stream body is buffered (requiresBody) and the sent bytes are the signed bytes', async () => {
    const loop = createSendLoop(webhook({ secrets: [SECRET, OLD] }), { origins: PARTNER });
    const net = fakeTransport();
    const stream = streamBody(new TextEncoder().encode('{"streamed":true}'));
    await loop.send(outgoing(`${PARTNER}/hooks`, { method: 'POST', body: stream }), net.transport);
    const [sent] = net.received;
    expect(stream.reads).toBe(1);
    expect(sent!.headers['webhook-id']).toMatch(/^msg_/);
    expect(receives(sent!, SECRET)).toBe(true);
    expect(receives(sent!, OLD)).toBe(true);
  });

  test('the timestamp follows the server-corrected clock', async () => {
    const clock = createClock({ now: () => 1_700_000_000_000, offsetMs: 90_000 });
    const loop = createSendLoop(webhook({ secrets: SECRET }), { origins: PARTNER, clock });
    const net = fakeTransport();
    await loop.send(outgoing(`${PARTNER}/hooks`, { method: 'POST', body: new Uint8Array() }), net.transport);
    expect(net.received[0]!.headers['webhook-timestamp']).toBe('1700000090');
  });

  test('a redirect to another origin carries no webhook headers', async () => {
    const loop = createSendLoop(webhook({ secrets: SECRET }), { origins: PARTNER });
    const net = fakeTransport((_request, index) => (index === 0 ? { status: 307, headers: { location: 'https://elsewhere.example/x' } } : { status: 200 }));
    await loop.send(outgoing(`${PARTNER}/hooks`, { method: 'POST', headers: { 'webhook-id': 'evt_1' }, body: new Uint8Array([1]) }), net.transport);
    expect(net.received).toHaveLength(2);
    expect(Object.keys(net.received[1]!.headers).filter((name) => name.startsWith('webhook-'))).toEqual([]);
  });
});
