import { base64, type SignetCrypto, timingSafeEqual, utf8 } from '@signet/core';
import { type WebhookSecret, webhookSignedContent } from '@signet/core/webhooks';
import type { VerificationFailureReason } from '../verification-result.js';
import { parseSignatureHeader } from './parse-signature-header.js';

/** The reasons a webhook is refused. */
export type WebhookFailureReason = Extract<
  VerificationFailureReason,
  'missing_component' | 'malformed_credentials' | 'unsupported_algorithm' | 'signature_mismatch' | 'timestamp_skew'
>;

/** A secret the receiver accepts, with the name of the sender it belongs to. */
export interface WebhookKey {
  readonly sender: string;
  readonly secret: WebhookSecret;
}

/** The three header values as received (`null`/`undefined` when absent). */
export interface ReceivedWebhookHeaders {
  readonly id: string | null | undefined;
  readonly timestamp: string | null | undefined;
  readonly signature: string | null | undefined;
}

/** The outcome of {@link matchWebhook}. */
export type WebhookMatch =
  | { readonly ok: true; readonly id: string; readonly timestamp: number; readonly sender: string }
  | { readonly ok: false; readonly reason: WebhookFailureReason; readonly nowSeconds: number };

/** How {@link matchWebhook} judges time. */
export interface MatchOptions {
  readonly nowMs: number;
  readonly toleranceSeconds: number;
  readonly crypto: SignetCrypto;
}

// Integer seconds (Standard Webhooks, "Webhook headers"), in canonical decimal. The reference
// library uses parseInt, which also takes "12abc" or " 12"; here those are malformed, and a
// NaN can never reach the tolerance check.
const TIMESTAMP = /^(?:0|[1-9][0-9]{0,15})$/;

/**
 * Checks a received webhook against every key: the shared core of `verifyWebhook` and the
 * `webhook` scheme verifier. The signature is checked before the time, so `timestamp_skew` is
 * only ever reported for an authentic webhook (a clock problem or a replay, never a forgery).
 */
export async function matchWebhook(keys: readonly WebhookKey[], headers: ReceivedWebhookHeaders, body: Uint8Array, options: MatchOptions): Promise<WebhookMatch> {
  const nowSeconds = Math.floor(options.nowMs / 1000);
  const fail = (reason: WebhookFailureReason): WebhookMatch => ({ ok: false, reason, nowSeconds });
  const { id, timestamp: rawTimestamp, signature } = headers;
  // The reference library treats an empty header as a missing one; so do we.
  if (!id || !rawTimestamp || !signature) return fail('missing_component');
  if (!TIMESTAMP.test(rawTimestamp)) return fail('malformed_credentials');
  const timestamp = Number(rawTimestamp);
  if (!Number.isSafeInteger(timestamp)) return fail('malformed_credentials');

  const entries = parseSignatureHeader(signature);
  if (entries.length === 0) return fail('malformed_credentials');
  // Unknown versions (v1a Ed25519, future ones) are skipped, for forward compatibility.
  const candidates = entries.filter((entry) => entry.version === 'v1').map((entry) => utf8(entry.signature));
  if (candidates.length === 0) return fail('unsupported_algorithm');

  const content = webhookSignedContent(id, timestamp, body);
  const expected = await Promise.all(
    keys.map(async (key) => ({ sender: key.sender, signature: utf8(base64(await options.crypto.hmacSha256(key.secret.reveal(), content))) })),
  );
  // Every key against every candidate, with no early exit: timing tells neither which entry nor
  // which key matched. The computed value goes first, so the time depends only on its length.
  // The first key (in the receiver's order) that matches any entry is the one reported.
  let sender: string | undefined;
  for (const key of expected) {
    for (const candidate of candidates) {
      if (timingSafeEqual(key.signature, candidate) && sender === undefined) sender = key.sender;
    }
  }
  if (sender === undefined) return fail('signature_mismatch');

  // Standard Webhooks, "Verifying signatures": the timestamp must be within a tolerance of now, both ways.
  if (Math.abs(nowSeconds - timestamp) > options.toleranceSeconds) return fail('timestamp_skew');
  return { ok: true, id, timestamp, sender };
}
