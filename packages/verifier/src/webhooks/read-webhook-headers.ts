import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@signet/core/webhooks';
import type { ReceivedWebhookHeaders } from './match-webhook.js';

/**
 * Request headers as frameworks hand them over: a fetch `Headers`, or a plain object such as
 * Node's `IncomingHttpHeaders` (`req.headers` in Express), whose values may be arrays.
 */
export type WebhookHeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads the three Standard Webhooks headers, case-insensitively. */
export function readWebhookHeaders(headers: WebhookHeadersInput): ReceivedWebhookHeaders {
  if (headers instanceof Headers) {
    return { id: headers.get(WEBHOOK_ID_HEADER), timestamp: headers.get(WEBHOOK_TIMESTAMP_HEADER), signature: headers.get(WEBHOOK_SIGNATURE_HEADER) };
  }
  if (typeof headers !== 'object' || headers === null) throw new TypeError('verifyWebhook: headers must be a Headers object or a plain object of header values');
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    // Repeated lines join as Headers would; repeated signature lines join into one list.
    const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(name.toLowerCase() === WEBHOOK_SIGNATURE_HEADER ? ' ' : ', ') : undefined;
    if (text !== undefined) lower.set(name.toLowerCase(), text.trim());
  }
  return { id: lower.get(WEBHOOK_ID_HEADER), timestamp: lower.get(WEBHOOK_TIMESTAMP_HEADER), signature: lower.get(WEBHOOK_SIGNATURE_HEADER) };
}
