import { platformCrypto, type SignetCrypto } from '@signet/core';
import { newWebhookId, signWebhook, type WebhookBody, type WebhookSecrets } from '@signet/core/webhooks';

/** Options for {@link createSignedWebhookRequest}. */
export interface SignedWebhookRequestOptions {
  /** Where the webhook goes, e.g. your own route under test. */
  url: string | URL;
  /** The `whsec_…` secret(s) to sign with; several give several `v1` entries. */
  secrets: WebhookSecrets;
  /** The exact body: a string (sent as UTF-8) or bytes. */
  body: WebhookBody;
  /** Default: a fresh `msg_…` id. */
  id?: string;
  /** Seconds since the epoch or a `Date` (default: now). Set it to test the tolerance. */
  timestamp?: number | Date;
  /** Default `POST`. */
  method?: string;
  /** Extra headers; `content-type` defaults to `application/json`. */
  headers?: HeadersInit;
  crypto?: SignetCrypto;
}

/**
 * A standard `Request` signed as a Standard Webhooks sender would sign it, for your own tests
 * (like Stripe's `generateTestHeaderString`). Signed with the same `signWebhook` Signet senders use.
 *
 * @example
 * ```ts
 * const request = await createSignedWebhookRequest({ url: 'http://localhost/hooks', secrets: TEST_SECRET, body: JSON.stringify(event) });
 * const response = await app.fetch(request);
 * ```
 */
export async function createSignedWebhookRequest(options: SignedWebhookRequestOptions): Promise<Request> {
  const crypto = options.crypto ?? platformCrypto;
  const signed = await signWebhook({
    secrets: options.secrets,
    id: options.id ?? newWebhookId(crypto),
    timestamp: options.timestamp ?? new Date(),
    body: options.body,
    crypto,
  });
  const headers = new Headers(options.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  // signWebhook has checked the body; a copy of bytes keeps the Request independent of the caller's buffer.
  const body = typeof options.body === 'string' || options.body instanceof ArrayBuffer ? options.body : options.body.slice();
  return new Request(options.url, { method: options.method ?? 'POST', headers, body });
}
