import { SignetConfigError } from '../../errors/config-error.js';
import { Secret } from '../../secret/secret.js';
import { decodeBase64 } from './decode-base64.js';
import { WebhookSecret } from './webhook-secret.js';

/** What Signet accepts as a webhook secret: the `whsec_…` string, a `Secret` holding it, or a parsed one. */
export type WebhookSecretInput = string | Secret | WebhookSecret;

/** One secret, or several at once (the current one first, during a rotation). */
export type WebhookSecrets = WebhookSecretInput | ReadonlyArray<WebhookSecretInput>;

/** The `whsec_` prefix of a symmetric (HMAC-SHA256, `v1`) secret. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

// Standard Webhooks, "Signature scheme" table: the symmetric signing secret is random, "at least
// 24 bytes (192 bits, 512 maximum)". 24 is also what the published test vector and Svix-issued
// secrets use, so a stricter floor (32) would refuse real secrets.
export const WEBHOOK_SECRET_MIN_BYTES = 24;
export const WEBHOOK_SECRET_MAX_BYTES = 64;

/**
 * Parses a Standard Webhooks secret: `whsec_` followed by the standard base64 of 24 to 64 random
 * bytes (Standard Webhooks, "Signature scheme", secret serialization). Errors are
 * {@link SignetConfigError}s naming `field`; they never repeat the secret.
 *
 * Unlike the reference library, the `whsec_` prefix is required: a bare string cannot be told
 * apart from a password, and the prefix is how the spec says secrets are handed out. A provider
 * that gives bare base64 needs `'whsec_' + secret`.
 *
 * @example
 * ```ts
 * const key = parseWebhookSecret(process.env.WEBHOOK_SECRET!, 'WEBHOOK_SECRET');
 * ```
 */
export function parseWebhookSecret(value: unknown, field = 'secret'): WebhookSecret {
  if (value instanceof WebhookSecret) return value;
  const text = value instanceof Secret ? value.reveal() : value;
  if (typeof text !== 'string') throw new SignetConfigError(field, 'must be a whsec_… string, or a Secret holding one');
  if (text.startsWith('whsk_') || text.startsWith('whpk_')) {
    // Standard Webhooks' asymmetric keys (Ed25519, signature identifier v1a).
    throw new SignetConfigError(field, 'is an Ed25519 key (whsk_/whpk_, signatures v1a), which Signet does not support yet; use a whsec_ secret');
  }
  if (!text.startsWith(WEBHOOK_SECRET_PREFIX)) {
    const hint = decodeBase64(text) === undefined ? '' : '; if you were given bare base64, prefix it with whsec_';
    throw new SignetConfigError(field, `must start with whsec_ (a Standard Webhooks secret)${hint}`);
  }
  const key = decodeBase64(text.slice(WEBHOOK_SECRET_PREFIX.length));
  if (key === undefined) throw new SignetConfigError(field, 'must be standard base64 after whsec_');
  if (key.length < WEBHOOK_SECRET_MIN_BYTES || key.length > WEBHOOK_SECRET_MAX_BYTES) {
    throw new SignetConfigError(
      field,
      `decodes to ${key.length} bytes; Standard Webhooks secrets are ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} random bytes`,
    );
  }
  return new WebhookSecret(key);
}

/**
 * Parses one secret or a non-empty list of them (for rotation), with {@link parseWebhookSecret}.
 * Errors name `field`, or `field[i]` for a list item.
 *
 * @example
 * ```ts
 * const keys = parseWebhookSecrets([process.env.WEBHOOK_SECRET_NEW!, process.env.WEBHOOK_SECRET_OLD!], 'secrets');
 * ```
 */
export function parseWebhookSecrets(value: unknown, field = 'secrets'): WebhookSecret[] {
  if (!Array.isArray(value)) return [parseWebhookSecret(value, field)];
  if (value.length === 0) throw new SignetConfigError(field, 'must list at least one secret');
  return value.map((item: unknown, i) => parseWebhookSecret(item, `${field}[${i}]`));
}
