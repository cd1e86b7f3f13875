import { createHmac } from 'node:crypto';
import { parseWebhookSecrets } from '@signet/core/webhooks';
import { signWebhookSide } from '../fixtures/sign-webhook-side.js';
import { WEBHOOK_BODY as BODY, WEBHOOK_SECRET as SECRET } from '../fixtures/webhook-message.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

/**
 * Issue 3: Standard Webhooks signing (checks, signed content, HMAC, base64, the three headers)
 * against the raw HMAC-SHA256 of `id.timestamp.body` in base64, the least any sender does.
 */
export const webhookSign: ComparisonGroup = {
  name: 'webhook sign',
  async open() {
    const secrets = parseWebhookSecrets(SECRET);
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    return {
      comparisons: [
        {
          name: 'webhook sign vs raw HMAC of id.timestamp.body',
          target: 1.5,
          source: 'issue 3',
          metric: 'wall',
          measured: 'time per signed webhook (three headers)',
          signet: signWebhookSide(secrets),
          baseline: {
            label: "createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')",
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const id = `msg_${i}`;
                const timestamp = Math.floor(Date.now() / 1000);
                const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${BODY}`).digest('base64');
                blackhole.value = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
              }
            },
          },
          ops: { normal: 2_000, quick: 300 },
        },
      ],
      close: async () => undefined,
    };
  },
};
