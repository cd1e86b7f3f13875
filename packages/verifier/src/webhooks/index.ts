// Standard Webhooks receiving: verifyWebhook, the `webhook` scheme verifier, and a test helper. Only re-exports.
export { createSignedWebhookRequest, type SignedWebhookRequestOptions } from './create-signed-webhook-request.js';
export type { WebhookFailureReason } from './match-webhook.js';
export type { WebhookHeadersInput } from './read-webhook-headers.js';
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from './tolerance.js';
export { verifyWebhook, type ReceivedWebhook, type VerifyWebhookOptions, type WebhookVerification } from './verify-webhook.js';
export { compileWebhookPolicy, type CompiledWebhookPolicy, type WebhookPolicy } from './webhook-policy.js';
export { webhookVerifier } from './webhook-verifier.js';
