import { describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createClock, createSendLoop, type OutgoingRequest, platformCrypto, type Transport } from '@signet/core';
import { webhook } from '@signet/core/webhooks';
import { verifyWebhook } from '../../src/webhooks/verify-webhook.js';
import { webhookVerifier } from '../../src/webhooks/webhook-verifier.js';
import { secretOf } from './support.js';

// The sender's whole path (credential + send loop, as withAuth uses it), received by Signet's
// receiver and the reference library. The transport turns what the loop sends into a Request.
const PARTNER = 'https://partner.example';
const NEW = secretOf(32, 51);
const OLD = secretOf(32, 52);

function capture() {
  const sent: Request[] = [];
  const transport: Transport<unknown, number> = async (request) => {
    sent.push(new Request(request.url, { method: request.method, headers: request.headers, body: request.body as Uint8Array<ArrayBuffer> | undefined }));
    return { status: 204, headers: new Headers(), raw: 204, discard: () => undefined };
  };
  return { sent, transport };
}

const post = (body: string, headers: Record<string, string> = {}): OutgoingRequest =>
  ({ method: 'POST', url: new URL(`${PARTNER}/hooks`), headers: new Headers({ 'content-type': 'application/json', ...headers }), body: new TextEncoder().encode(body) });

describe('webhook() sent through the send loop, received by the verifier', () => {
  test('verifyWebhook, webhookVerifier and the reference library all accept it', async () => {
    const body = '{"type":"invoice.paid","amount":4200}';
    const { sent, transport } = capture();
    await createSendLoop(webhook({ secrets: NEW }), { origins: PARTNER }).send(post(body, { 'webhook-id': 'evt_1' }), transport);
    const [request] = sent;
    const raw = await request!.clone().text();
    expect(raw).toBe(body);
    expect(await verifyWebhook({ secrets: NEW }, { headers: request!.headers, body: raw })).toMatchObject({ ok: true, id: 'evt_1' });
    const context = { now: Date.now, crypto: platformCrypto, body: async () => new Uint8Array(await request!.clone().arrayBuffer()) };
    expect(await webhookVerifier({ senders: { billing: NEW } }, 'signet').verify(request!, context)).toEqual({ ok: true, identity: 'billing' });
    expect(new Webhook(NEW).verify(raw, Object.fromEntries(request!.headers))).toEqual(JSON.parse(body));
  });

  test('rotation: a sender with [new, old] is accepted by receivers holding either', async () => {
    const { sent, transport } = capture();
    await createSendLoop(webhook({ secrets: [NEW, OLD] }), { origins: PARTNER }).send(post('{}'), transport);
    const request = sent[0]!;
    for (const secrets of [NEW, OLD]) {
      expect(await verifyWebhook({ secrets }, { headers: request.headers, body: '{}' })).toMatchObject({ ok: true });
      expect(new Webhook(secrets).verify('{}', Object.fromEntries(request.headers))).toEqual({});
    }
  });

  test('a sender clock 10 minutes fast is refused as timestamp_skew, and accepted with a wider tolerance', async () => {
    const { sent, transport } = capture();
    const now = 1_700_000_000_000;
    await createSendLoop(webhook({ secrets: NEW }), { origins: PARTNER, clock: createClock({ now: () => now + 600_000 }) }).send(post('{}'), transport);
    const { headers } = sent[0]!;
    expect(await verifyWebhook({ secrets: NEW, now: () => now }, { headers, body: '{}' })).toEqual({ ok: false, reason: 'timestamp_skew' });
    expect(await verifyWebhook({ secrets: NEW, now: () => now, toleranceSeconds: 600 }, { headers, body: '{}' })).toMatchObject({ ok: true });
  });
});
