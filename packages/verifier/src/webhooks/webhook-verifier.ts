import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@signet/core/webhooks';
import type { SchemeVerifier } from '../scheme-verifier.js';
import { matchWebhook } from './match-webhook.js';
import { compileWebhookPolicy, type WebhookPolicy } from './webhook-policy.js';

/**
 * The Standard Webhooks side of the verifier. It claims a request only when it carries a
 * `webhook-signature` header; the identity is the name of the sender whose secret matched.
 * Options are checked here, so a bad policy fails when the verifier is created.
 *
 * @example
 * ```ts
 * const scheme = webhookVerifier({ senders: { billing: [process.env.WHSEC_NEW!, process.env.WHSEC_OLD!] } }, 'signet');
 * ```
 */
export function webhookVerifier(policy: WebhookPolicy, realm: string): SchemeVerifier {
  const { keys, toleranceSeconds } = compileWebhookPolicy(policy);
  return {
    scheme: 'webhook',
    // No registered auth-scheme exists for webhooks; this names ours for the challenge list.
    challenge: `Webhook realm="${realm}"`,
    async verify(request, context) {
      const signature = request.headers.get(WEBHOOK_SIGNATURE_HEADER);
      if (signature === null) return undefined;
      const headers = { id: request.headers.get(WEBHOOK_ID_HEADER), timestamp: request.headers.get(WEBHOOK_TIMESTAMP_HEADER), signature };
      const match = await matchWebhook(keys, headers, await context.body(), { nowMs: context.now(), toleranceSeconds, crypto: context.crypto });
      if (match.ok) return { ok: true, identity: match.sender };
      if (match.reason === 'timestamp_skew') {
        return { ok: false, reason: match.reason, challengeParams: `error="timestamp_skew", server_time="${match.nowSeconds}"` };
      }
      return { ok: false, reason: match.reason };
    },
  };
}
