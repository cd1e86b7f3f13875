// The Standard Webhooks published example, signed and verified byte for byte.
import { signWebhook } from '@signet/core/webhooks';
import { verifyWebhook } from '@signet/verifier';
import { expect, test } from '../harness/index.js';
import { PUBLISHED as EXAMPLE } from '../../packages/core/test/schemes/webhooks/published-example.js';

export default function define(): void {
  test('signWebhook gives the published headers, from a string body and from bytes', async () => {
    const fromText = await signWebhook({ secrets: EXAMPLE.secret, id: EXAMPLE.id, timestamp: EXAMPLE.timestamp, body: EXAMPLE.payload });
    expect(fromText).toEqual({ 'webhook-id': EXAMPLE.id, 'webhook-timestamp': String(EXAMPLE.timestamp), 'webhook-signature': EXAMPLE.signature });
    const fromBytes = await signWebhook({ secrets: EXAMPLE.secret, id: EXAMPLE.id, timestamp: new Date(EXAMPLE.timestamp * 1000 + 999), body: new TextEncoder().encode(EXAMPLE.payload) });
    expect(fromBytes['webhook-signature']).toBe(EXAMPLE.signature);
  });

  test('verifyWebhook accepts the published delivery at its time and refuses a changed body', async () => {
    const headers = { 'webhook-id': EXAMPLE.id, 'webhook-timestamp': String(EXAMPLE.timestamp), 'webhook-signature': EXAMPLE.signature };
    const now = () => EXAMPLE.timestamp * 1000;
    expect(await verifyWebhook({ secrets: EXAMPLE.secret, now }, { headers, body: EXAMPLE.payload })).toEqual({ ok: true, id: EXAMPLE.id, timestamp: EXAMPLE.timestamp, secretIndex: 0 });
    expect(await verifyWebhook({ secrets: EXAMPLE.secret, now }, { headers, body: EXAMPLE.payload.replace('2432232314', '2432232315') })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });
}
