import { describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { platformCrypto } from '@signet/core';
import { createSignedWebhookRequest } from '../../src/webhooks/create-signed-webhook-request.js';
import { verifyWebhook } from '../../src/webhooks/verify-webhook.js';
import { webhookVerifier } from '../../src/webhooks/webhook-verifier.js';
import { nodeV1, PUBLISHED, secretOf } from './support.js';

const SECRET = secretOf(32, 41);
const BODY = '{"type":"user.created"}';

describe('createSignedWebhookRequest', () => {
  test('reproduces the published example as a Request', async () => {
    const request = await createSignedWebhookRequest({
      url: 'http://localhost/hooks',
      secrets: PUBLISHED.secret,
      body: PUBLISHED.payload,
      id: PUBLISHED.id,
      timestamp: PUBLISHED.timestamp,
    });
    expect(request.headers.get('webhook-signature')).toBe(PUBLISHED.signature);
    expect(request.headers.get('webhook-timestamp')).toBe(String(PUBLISHED.timestamp));
    expect(await request.text()).toBe(PUBLISHED.payload);
  });

  test('defaults: POST, application/json, a msg_ id, signed now; verifies with Signet and the reference library', async () => {
    const request = await createSignedWebhookRequest({ url: 'http://localhost/hooks', secrets: SECRET, body: BODY });
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('webhook-id')).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    expect(Math.abs(Number(request.headers.get('webhook-timestamp')) - Date.now() / 1000)).toBeLessThan(5);
    const body = await request.clone().text();
    expect(await verifyWebhook({ secrets: SECRET }, { headers: request.headers, body })).toMatchObject({ ok: true });
    expect(new Webhook(SECRET).verify(body, Object.fromEntries(request.headers))).toEqual(JSON.parse(BODY));
  });

  test('works with the webhook scheme verifier', async () => {
    const request = await createSignedWebhookRequest({ url: 'http://localhost/hooks', secrets: SECRET, body: BODY, timestamp: 1_700_000_000 });
    const context = { now: () => 1_700_000_000_000, crypto: platformCrypto, body: async () => new Uint8Array(await request.clone().arrayBuffer()) };
    expect(await webhookVerifier({ senders: { acme: SECRET } }, 'signet').verify(request, context)).toEqual({ ok: true, identity: 'acme' });
  });

  test('an old timestamp makes a request for testing your skew handling', async () => {
    const request = await createSignedWebhookRequest({ url: 'http://localhost/hooks', secrets: SECRET, body: BODY, timestamp: 1_600_000_000 });
    expect(await verifyWebhook({ secrets: SECRET }, { headers: request.headers, body: await request.text() })).toEqual({ ok: false, reason: 'timestamp_skew' });
  });

  test('bytes bodies, custom method and headers, several secrets', async () => {
    const other = secretOf(24, 42);
    const bytes = new Uint8Array([0x00, 0xff, 0x10]);
    const request = await createSignedWebhookRequest({
      url: 'http://localhost/hooks',
      secrets: [SECRET, other],
      body: bytes,
      id: 'evt_7',
      timestamp: 1_700_000_000,
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'x-extra': '1' },
    });
    expect(request.method).toBe('PUT');
    expect(request.headers.get('content-type')).toBe('application/octet-stream');
    expect(request.headers.get('x-extra')).toBe('1');
    expect(new Uint8Array(await request.arrayBuffer())).toEqual(bytes);
    expect(request.headers.get('webhook-signature')).toBe(`${nodeV1(SECRET, 'evt_7', 1_700_000_000, bytes)} ${nodeV1(other, 'evt_7', 1_700_000_000, bytes)}`);
  });
});
