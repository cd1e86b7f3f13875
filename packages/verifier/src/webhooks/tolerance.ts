import { checkPositiveInteger } from '@signet/core';

/** The default tolerance: 5 minutes either way, as the Standard Webhooks reference library uses. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** A tolerance in whole seconds (0 allowed), defaulting to {@link DEFAULT_WEBHOOK_TOLERANCE_SECONDS}. */
export function checkTolerance(value: unknown, field: string): number {
  return value === undefined ? DEFAULT_WEBHOOK_TOLERANCE_SECONDS : checkPositiveInteger(value, field, { allowZero: true });
}
