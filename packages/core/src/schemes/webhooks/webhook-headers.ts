/** The three Standard Webhooks headers (Standard Webhooks, "Webhook headers"), lower-case. */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

/**
 * The headers a signed webhook carries. A type alias rather than an interface, so it can be
 * passed wherever a `Record<string, string>` of headers is expected.
 */
export type WebhookHeaders = {
  /** The message id, the same for every delivery attempt of one event: the receiver's idempotency key. */
  readonly 'webhook-id': string;
  /** When this attempt was signed: integer seconds since the epoch. */
  readonly 'webhook-timestamp': string;
  /** Space-separated `v1,<base64 HMAC-SHA256>` entries, one per signing secret. */
  readonly 'webhook-signature': string;
};
