import { checkOptionsObject, SignetConfigError } from '@signet/core';
import { parseWebhookSecrets, type WebhookSecrets } from '@signet/core/webhooks';
import type { WebhookKey } from './match-webhook.js';
import { checkTolerance } from './tolerance.js';

/** How the verifier accepts Standard Webhooks. */
export interface WebhookPolicy {
  /**
   * Sender name → that sender's `whsec_…` secret, or several during a rotation. The name of the
   * sender whose secret matched is reported as `identity`.
   */
  senders: Readonly<Record<string, WebhookSecrets>>;
  /** How far `webhook-timestamp` may be from the verifier's `now`, either way, in seconds (default 300). */
  toleranceSeconds?: number;
}

/** A {@link WebhookPolicy} checked and normalized once. */
export interface CompiledWebhookPolicy {
  readonly keys: readonly WebhookKey[];
  readonly toleranceSeconds: number;
}

/** Checks a {@link WebhookPolicy}; errors name the field (`webhook.senders.billing[1]`), never a secret. */
export function compileWebhookPolicy(policy: WebhookPolicy, field = 'webhook'): CompiledWebhookPolicy {
  checkOptionsObject(policy, field);
  const senders: unknown = policy.senders;
  if (typeof senders !== 'object' || senders === null || Array.isArray(senders)) {
    throw new SignetConfigError(`${field}.senders`, 'must be an object mapping each sender name to its secret(s)');
  }
  const keys = Object.entries(senders).flatMap(([sender, secrets]) =>
    parseWebhookSecrets(secrets, `${field}.senders.${sender}`).map((secret) => ({ sender, secret })),
  );
  if (keys.length === 0) throw new SignetConfigError(`${field}.senders`, 'must configure at least one sender');
  return { keys, toleranceSeconds: checkTolerance(policy.toleranceSeconds, `${field}.toleranceSeconds`) };
}
