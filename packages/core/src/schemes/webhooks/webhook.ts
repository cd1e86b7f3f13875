import type { Credential } from '../../credential/credential.js';
import { withHeaders } from '../../credential/signable-request.js';
import { checkOptionalFunction, checkOptionsObject } from '../../options/check.js';
import { checkWebhookId } from './check-webhook-id.js';
import { newWebhookId } from './new-webhook-id.js';
import { parseWebhookSecrets, type WebhookSecrets } from './parse-webhook-secret.js';
import { webhookSignature } from './sign-webhook.js';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-headers.js';

/** Options for {@link webhook}. */
export interface WebhookOptions {
  /**
   * The endpoint's `whsec_…` secret, or several (each adds a `v1` signature). To rotate, sign with
   * `[newSecret, oldSecret]` until every receiver has the new one, then drop the old one.
   */
  secrets: WebhookSecrets;
  /**
   * Makes the `webhook-id` for a request that has none (default `msg_` and 128 random bits).
   * Better: set the `webhook-id` header yourself to your event's id, so a re-delivery of the same
   * event carries the same id and the receiver can drop the duplicate.
   */
  id?: () => string;
}

const SENSITIVE = [WEBHOOK_ID_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER];

/**
 * A Standard Webhooks sender: signs each request's exact body bytes with HMAC-SHA256 and adds
 * `webhook-id`, `webhook-timestamp` and `webhook-signature`. The timestamp comes from the
 * send loop's clock at send time. A `webhook-id` the request already has is kept (it is the
 * receiver's idempotency key); otherwise one is generated.
 *
 * @example
 * ```ts
 * const deliver = withAuth(fetch, webhook({ secrets: process.env.WEBHOOK_SECRET! }), { origins: 'https://partner.example' });
 * await deliver('https://partner.example/hooks', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', 'webhook-id': event.id },
 *   body: JSON.stringify(event),
 * });
 * ```
 */
export function webhook(options: WebhookOptions): Credential {
  checkOptionsObject(options, 'webhook(options)');
  const secrets = parseWebhookSecrets(options.secrets, 'secrets');
  const makeId = checkOptionalFunction(options.id, 'id');
  return {
    scheme: 'webhook',
    requiresBody: true,
    sensitiveHeaders: SENSITIVE,
    sensitiveQueryParams: [],
    async authorize(request, context) {
      const given = request.headers.get(WEBHOOK_ID_HEADER);
      const id = given !== null ? checkWebhookId(given, WEBHOOK_ID_HEADER) : checkWebhookId(makeId ? makeId() : newWebhookId(context.crypto), 'id');
      // Standard Webhooks, "Webhook headers": integer seconds; signed now, not when enqueued.
      const timestamp = Math.floor(context.clock.now() / 1000);
      const signature = await webhookSignature(secrets, id, timestamp, request.body ?? new Uint8Array(0), context.crypto);
      return withHeaders(request, {
        [WEBHOOK_ID_HEADER]: id,
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signature,
      });
    },
  };
}
