import { platformCrypto } from '../../crypto/platform-crypto.js';
import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { type SyncDigests, syncDigestsOf } from '../../crypto/sync-digests.js';
import { checkOptionsObject } from '../../options/check.js';
import { checkWebhookId } from './check-webhook-id.js';
import { parseWebhookSecrets, type WebhookSecrets } from './parse-webhook-secret.js';
import type { WebhookBody } from './webhook-body.js';
import { webhookBody } from './webhook-body.js';
import type { WebhookHeaders } from './webhook-headers.js';
import { type WebhookSecret, webhookKey } from './webhook-secret.js';
import { webhookTimestamp } from './webhook-timestamp.js';

/** Options for {@link signWebhook}. */
export interface SignWebhookOptions {
  /**
   * The `whsec_…` secret, or several: each gives one `v1` signature, in this order. During a
   * rotation sign with the new and the old secret, so receivers holding either accept.
   */
  secrets: WebhookSecrets;
  /** The message id: one per event, the same on every delivery attempt. Visible ASCII, no spaces, no `.`. */
  id: string;
  /** When this attempt is signed: integer seconds since the epoch, or a `Date`. */
  timestamp: number | Date;
  /** The exact body that will be sent: bytes, or a string (signed as UTF-8). */
  body: WebhookBody;
  /** The crypto implementation (default: the fastest for this runtime). */
  crypto?: SignetCrypto;
}

const HOW_TO_SIGN_RAW = 'Sign exactly the bytes you send: serialize first (const body = JSON.stringify(event)), then sign and send that string.';

/**
 * Signs a webhook per Standard Webhooks v1: returns the `webhook-id`, `webhook-timestamp` and
 * `webhook-signature` headers to send with `body`. Pure: the id and time are inputs, so the same
 * inputs always give the same headers. Bad options throw {@link SignetConfigError} naming the field.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ type: 'invoice.paid', data: { id: 'in_1' } });
 * const headers = await signWebhook({ secrets: process.env.WEBHOOK_SECRET!, id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', timestamp: new Date(), body });
 * await fetch(endpoint, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
 * ```
 */
export function signWebhook(options: SignWebhookOptions): Promise<WebhookHeaders> {
  try {
    checkOptionsObject(options, 'signWebhook(options)');
    const secrets = parseWebhookSecrets(options.secrets, 'secrets');
    const id = checkWebhookId(options.id, 'id');
    const timestamp = webhookTimestamp(options.timestamp, 'timestamp');
    const body = webhookBody(options.body, 'signWebhook', HOW_TO_SIGN_RAW);
    const crypto = options.crypto ?? platformCrypto;
    // node:crypto digests synchronously: no await per secret, no promise but the one returned.
    // Only behind the platform's own crypto; one the caller supplied is always called.
    const sync = syncDigestsOf(crypto);
    if (sync !== undefined) return Promise.resolve(webhookHeaders(id, timestamp, signatureWith(sync, secrets, id, timestamp, body)));
    return webhookSignature(secrets, id, timestamp, body, crypto).then((signature) => webhookHeaders(id, timestamp, signature));
  } catch (error) {
    return Promise.reject(error);
  }
}

function webhookHeaders(id: string, timestamp: number, signature: string): WebhookHeaders {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

/**
 * The `webhook-signature` value for already-checked inputs: one `v1,<base64 HMAC-SHA256>` entry
 * per secret, space-separated (Standard Webhooks, "Webhook headers").
 */
export async function webhookSignature(secrets: readonly WebhookSecret[], id: string, timestamp: number, body: Uint8Array | string, crypto: SignetCrypto): Promise<string> {
  const sync = syncDigestsOf(crypto);
  if (sync !== undefined) return signatureWith(sync, secrets, id, timestamp, body);
  let signature = '';
  for (const secret of secrets) signature += `${signature === '' ? '' : ' '}v1,${await crypto.hmacSha256(webhookKey(secret), signedContent(id, timestamp, body), 'base64')}`;
  return signature;
}

function signatureWith(sync: SyncDigests, secrets: readonly WebhookSecret[], id: string, timestamp: number, body: Uint8Array | string): string {
  const content = signedContent(id, timestamp, body);
  let signature = '';
  for (const secret of secrets) signature += `${signature === '' ? '' : ' '}v1,${sync.hmacSha256(webhookKey(secret), content, 'base64')}`;
  return signature;
}

// The signed content is `${id}.${timestamp}.${body}`, hashed as parts rather than joined.
function signedContent(id: string, timestamp: number, body: Uint8Array | string): readonly (Uint8Array | string)[] {
  return [`${id}.${timestamp}.`, body];
}
