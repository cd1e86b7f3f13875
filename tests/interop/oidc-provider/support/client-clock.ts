import type { Clock } from '@signet/core';

/**
 * The client's clock, moved by hand. oidc-provider runs on the real clock and cannot be given
 * another, so instead of waiting for tokens to expire the client is made to believe they have:
 * its clock jumps ahead, the provider's does not. It never learns from Date headers (they tell
 * real time while the test moves this one).
 */
export function clientClock() {
  let offset = 0;
  return {
    clock: { now: () => Date.now() + offset, offsetMs: 0, observeServerTime: () => false } satisfies Clock,
    advance(ms: number) {
      offset += ms;
    },
  };
}
