import { parseWebhookSecrets, signWebhook } from '@signet/core/webhooks';
import { Webhook } from 'standardwebhooks';
import { signWebhookSide } from '../fixtures/sign-webhook-side.js';
import { WEBHOOK_BODY as BODY, WEBHOOK_SECRET as SECRET } from '../fixtures/webhook-message.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

/**
 * Issue 10: Signet's webhook signing against the reference Standard Webhooks package,
 * `standardwebhooks`' `sign`, as its README shows it, with the three headers built by hand around
 * it (the package returns only the signature). The raw-HMAC floor is webhook-sign.ts.
 */
export const webhookStandardwebhooks: ComparisonGroup = {
  name: 'webhook sign',
  async open() {
    const secrets = parseWebhookSecrets(SECRET);
    const library = new Webhook(SECRET);
    // Both must sign alike, or the row compares different work.
    const timestamp = Math.floor(Date.now() / 1000);
    const ours = (await signWebhook({ secrets, id: 'msg_check', timestamp, body: BODY }))['webhook-signature'];
    const theirs = library.sign('msg_check', new Date(timestamp * 1000), BODY);
    if (ours !== theirs) throw new Error(`bench: signWebhook and standardwebhooks disagree (${ours} vs ${theirs})`);
    return {
      comparisons: [
        {
          name: 'webhook sign vs standardwebhooks',
          target: 1.5,
          source: 'issue 10 (webhooks: standardwebhooks)',
          metric: 'wall',
          measured: 'time per signed webhook (three headers)',
          signet: signWebhookSide(secrets),
          baseline: {
            label: "new Webhook(secret).sign(id, new Date(), body), the three headers built by hand",
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const id = `msg_${i}`;
                const now = new Date();
                blackhole.value = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': library.sign(id, now, BODY) };
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
