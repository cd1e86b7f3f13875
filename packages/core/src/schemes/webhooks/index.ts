// @signet/core/webhooks: Standard Webhooks (v1, HMAC-SHA256) signing. Only re-exports.
export { checkWebhookId } from './check-webhook-id.js';
export { newWebhookId } from './new-webhook-id.js';
export {
  parseWebhookSecret,
  parseWebhookSecrets,
  WEBHOOK_SECRET_MAX_BYTES,
  WEBHOOK_SECRET_MIN_BYTES,
  WEBHOOK_SECRET_PREFIX,
  type WebhookSecretInput,
  type WebhookSecrets,
} from './parse-webhook-secret.js';
export { signWebhook, webhookSignature, type SignWebhookOptions } from './sign-webhook.js';
export { webhook, type WebhookOptions } from './webhook.js';
export { webhookBodyBytes, type WebhookBody } from './webhook-body.js';
export { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, type WebhookHeaders } from './webhook-headers.js';
export { WebhookSecret } from './webhook-secret.js';
export { webhookSignedContent } from './webhook-signed-content.js';
export { webhookTimestamp } from './webhook-timestamp.js';
