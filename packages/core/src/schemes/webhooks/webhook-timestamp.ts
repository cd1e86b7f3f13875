import { SignetConfigError } from '../../errors/config-error.js';

// 10^11 seconds is the year 5138, while 10^11 milliseconds is 1973: a number this large was
// almost certainly meant as milliseconds (Date.now()), and would be refused by every receiver.
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * A `webhook-timestamp` value: integer seconds since the epoch (Standard Webhooks, "Webhook
 * headers"). Takes seconds or a `Date` (floored to the second).
 */
export function webhookTimestamp(value: unknown, field: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isFinite(ms) || ms < 0) throw new SignetConfigError(field, 'must be a valid Date, after 1970');
    return Math.floor(ms / 1000);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SignetConfigError(field, 'must be integer seconds since the epoch, or a Date');
  }
  if (value >= MILLISECONDS_THRESHOLD) {
    throw new SignetConfigError(field, 'looks like milliseconds; pass seconds (Math.floor(Date.now() / 1000)) or a Date');
  }
  return value;
}
