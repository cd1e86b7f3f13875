import { Redacted } from '../../secret/redacted.js';

// As for Secret: the bytes live outside the object, so no property or debugger view shows them.
const keys = new WeakMap<WebhookSecret, Uint8Array>();

/**
 * The key bytes of a secret, for this package's signing only: the same array every time, so the
 * crypto module can reuse the key it prepared for it. Not exported from the package.
 */
export function webhookKey(secret: WebhookSecret): Uint8Array {
  return keys.get(secret) as Uint8Array;
}

/**
 * A parsed Standard Webhooks signing secret: the key bytes behind a `whsec_…` string. Like a
 * {@link Secret}, it prints as `[redacted]` through `String()`, `JSON.stringify` and
 * `util.inspect`. Make one with {@link parseWebhookSecret}; Signet's webhook functions also
 * take the `whsec_…` string (or a `Secret` holding it) directly.
 *
 * @example
 * ```ts
 * const key = parseWebhookSecret(process.env.WEBHOOK_SECRET!); // throws SignetConfigError if malformed
 * console.log({ key });                                        // { key: [redacted] }
 * ```
 */
export class WebhookSecret extends Redacted {
  /** Use {@link parseWebhookSecret}, which validates the secret first. */
  constructor(key: Uint8Array) {
    super();
    if (!(key instanceof Uint8Array)) throw new TypeError('WebhookSecret: key must be a Uint8Array');
    keys.set(this, key.slice());
    Object.freeze(this);
  }

  /** A copy of the HMAC key bytes. Use them where they are needed and nowhere else. */
  reveal(): Uint8Array {
    return (keys.get(this) as Uint8Array).slice();
  }

  get [Symbol.toStringTag](): string {
    return 'WebhookSecret';
  }
}
