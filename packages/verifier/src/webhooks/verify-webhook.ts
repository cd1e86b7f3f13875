import { checkOptionsObject, platformCrypto, SignetConfigError, type SignetCrypto } from '@signet/core';
import { parseWebhookSecrets, type WebhookBody, webhookBodyBytes, type WebhookSecrets } from '@signet/core/webhooks';
import { matchWebhook, type WebhookFailureReason } from './match-webhook.js';
import { readWebhookHeaders, type WebhookHeadersInput } from './read-webhook-headers.js';
import { checkTolerance } from './tolerance.js';

/** Options for {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The endpoint's `whsec_…` secret, or all currently valid ones during a rotation. */
  secrets: WebhookSecrets;
  /** How far `webhook-timestamp` may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock in milliseconds (default `Date.now`); inject one in tests. */
  now?: () => number;
  /** The crypto implementation (default: the fastest for this runtime). */
  crypto?: SignetCrypto;
}

/** A received webhook: its headers and its raw body. */
export interface ReceivedWebhook {
  readonly headers: WebhookHeadersInput;
  /** The raw body, exactly as received: a string, a `Uint8Array`/`Buffer`, or an `ArrayBuffer`. Never a parsed object. */
  readonly body: WebhookBody;
}

/** The result of {@link verifyWebhook}. Narrow on `ok`. */
export type WebhookVerification =
  | {
      readonly ok: true;
      /** `webhook-id`: deduplicate on it (the same event may be delivered more than once). */
      readonly id: string;
      /** `webhook-timestamp`, in seconds since the epoch. */
      readonly timestamp: number;
      /** The first of `secrets` that matched (0 for a single secret): when the old one stops matching, retire it. */
      readonly secretIndex: number;
    }
  | { readonly ok: false; readonly reason: WebhookFailureReason };

const HOW_TO_GET_RAW =
  'Pass the raw body: in Express, mount express.raw({ type: "application/json" }) on the webhook route (instead of express.json()) and pass req.body (a Buffer); ' +
  'in a fetch-style handler (Request), pass await request.text() or new Uint8Array(await request.arrayBuffer()).';

/**
 * Verifies a Standard Webhooks (v1, HMAC-SHA256) delivery. The webhook is accepted when any `v1`
 * entry of `webhook-signature` matches any of `secrets` (compared in constant time), and
 * `webhook-timestamp` is within `toleranceSeconds` of now. A bad webhook is never an exception:
 * the result says why. Bad options throw {@link SignetConfigError}; a body that is not raw (an
 * object from a JSON body parser) throws a `TypeError` explaining how to pass the raw body.
 *
 * @example
 * ```ts
 * app.post('/hooks', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const result = await verifyWebhook({ secrets: process.env.WEBHOOK_SECRET! }, { headers: req.headers, body: req.body });
 *   if (!result.ok) return res.status(401).send(result.reason);
 *   if (await alreadyProcessed(result.id)) return res.sendStatus(204);
 *   handle(JSON.parse(req.body.toString('utf8')));
 *   res.sendStatus(204);
 * });
 * ```
 */
export async function verifyWebhook(options: VerifyWebhookOptions, webhook: ReceivedWebhook): Promise<WebhookVerification> {
  checkOptionsObject(options, 'verifyWebhook(options)');
  const secrets = parseWebhookSecrets(options.secrets, 'secrets');
  const toleranceSeconds = checkTolerance(options.toleranceSeconds, 'toleranceSeconds');
  if (options.now !== undefined && typeof options.now !== 'function') throw new SignetConfigError('now', 'must be a function returning milliseconds');
  if (typeof webhook !== 'object' || webhook === null) throw new TypeError('verifyWebhook: the second argument must be { headers, body }');
  const body = webhookBodyBytes(webhook.body, 'verifyWebhook', HOW_TO_GET_RAW);
  const headers = readWebhookHeaders(webhook.headers);
  const keys = secrets.map((secret, i) => ({ sender: String(i), secret }));
  const match = await matchWebhook(keys, headers, body, { nowMs: (options.now ?? Date.now)(), toleranceSeconds, crypto: options.crypto ?? platformCrypto });
  return match.ok ? { ok: true, id: match.id, timestamp: match.timestamp, secretIndex: Number(match.sender) } : { ok: false, reason: match.reason };
}
