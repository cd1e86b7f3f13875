import { describe, expect, test } from 'vitest';
import { platformCrypto, SignetConfigError } from '@signet/core';
import type { SchemeVerifierContext } from '../../src/scheme-verifier.js';
import { webhookVerifier } from '../../src/webhooks/webhook-verifier.js';
import { nodeHeaders, secretOf } from './support.js';

const BILLING_NEW = secretOf(32, 31);
const BILLING_OLD = secretOf(32, 32);
const SHIPPING = secretOf(24, 33);
const T = 1_700_000_000;
const BODY = '{"type":"order.shipped"}';
const senders = { billing: [BILLING_NEW, BILLING_OLD], shipping: SHIPPING };

function context(nowSeconds = T): SchemeVerifierContext & { reads: number } {
  const ctx = {
    reads: 0,
    now: () => nowSeconds * 1000,
    crypto: platformCrypto,
    async body() {
      ctx.reads++;
      return new TextEncoder().encode(BODY);
    },
  };
  return ctx;
}

const request = (headers: Record<string, string>) => new Request('https://hooks.example.test/in', { method: 'POST', headers, body: BODY });

describe('webhookVerifier', () => {
  const verifier = webhookVerifier({ senders }, 'signet');

  test('is the webhook scheme, with a challenge naming the realm', () => {
    expect(verifier.scheme).toBe('webhook');
    expect(verifier.challenge).toBe('Webhook realm="signet"');
  });

  test('does not claim a request without webhook-signature, and reads no body for it', async () => {
    const ctx = context();
    expect(await verifier.verify(new Request('https://hooks.example.test/in', { headers: { 'webhook-id': 'msg_1' } }), ctx)).toBeUndefined();
    expect(ctx.reads).toBe(0);
  });

  test.each([
    ['billing, new secret', [BILLING_NEW], 'billing'],
    ['billing, old secret', [BILLING_OLD], 'billing'],
    ['billing, both (rotation)', [BILLING_NEW, BILLING_OLD], 'billing'],
    ['shipping', [SHIPPING], 'shipping'],
  ])('identity is the sender whose secret matched: %s', async (_name, secrets, identity) => {
    expect(await verifier.verify(request(nodeHeaders(secrets, 'msg_1', T, BODY)), context())).toEqual({ ok: true, identity });
  });

  test('an unknown secret is a signature_mismatch', async () => {
    expect(await verifier.verify(request(nodeHeaders([secretOf(24, 1)], 'msg_1', T, BODY)), context())).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  test('skew carries the server time in the challenge params', async () => {
    const outcome = await verifier.verify(request(nodeHeaders([SHIPPING], 'msg_1', T, BODY)), context(T + 301));
    expect(outcome).toEqual({ ok: false, reason: 'timestamp_skew', challengeParams: `error="timestamp_skew", server_time="${T + 301}"` });
  });

  test('toleranceSeconds is configurable', async () => {
    const strict = webhookVerifier({ senders, toleranceSeconds: 5 }, 'signet');
    expect(await strict.verify(request(nodeHeaders([SHIPPING], 'msg_1', T, BODY)), context(T - 5))).toEqual({ ok: true, identity: 'shipping' });
    expect(await strict.verify(request(nodeHeaders([SHIPPING], 'msg_1', T, BODY)), context(T - 6))).toMatchObject({ reason: 'timestamp_skew' });
  });

  test('missing id or timestamp → missing_component; bad timestamp → malformed_credentials', async () => {
    const headers = nodeHeaders([SHIPPING], 'msg_1', T, BODY);
    const { 'webhook-id': _id, ...noId } = headers;
    expect(await verifier.verify(request(noId), context())).toEqual({ ok: false, reason: 'missing_component' });
    expect(await verifier.verify(request({ ...headers, 'webhook-timestamp': 'soon' }), context())).toEqual({ ok: false, reason: 'malformed_credentials' });
  });

  test.each([
    [{}, 'webhook.senders'],
    [{ senders: {} }, 'webhook.senders'],
    [{ senders: [] }, 'webhook.senders'],
    [{ senders: { billing: [BILLING_NEW, 'whsec_short'] } }, 'webhook.senders.billing[1]'],
    [{ senders: { billing: [] } }, 'webhook.senders.billing'],
    [{ senders: { billing: 'plain-password' } }, 'webhook.senders.billing'],
    [{ senders, toleranceSeconds: -5 }, 'webhook.toleranceSeconds'],
  ])('config error %j names %s', (policy, field) => {
    let caught: unknown;
    try {
      webhookVerifier(policy as never, 'signet');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SignetConfigError);
    expect((caught as SignetConfigError).field).toBe(field);
    expect((caught as Error).message).not.toContain('plain-password');
  });
});
