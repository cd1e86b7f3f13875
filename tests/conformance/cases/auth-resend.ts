// The one re-send for auth: a clock-skew 401 is answered by a time-based scheme with exactly one
// re-send, and a server that always answers 401 never gets more than two requests.
import { createClock } from '@signet/core';
import type { VerifierResponseBody } from '@signet/verifier';
import { expect } from 'vitest';
import { type ConformanceCase, expectVerified } from './case.js';

export const AUTH_CASES: readonly ConformanceCase[] = [
  {
    name: 'a client clock 10 minutes slow: a skew 401, one re-send with the server time, verified',
    async run(context) {
      const clock = createClock({ now: () => Date.now() - 10 * 60_000 });
      const response = await context.client({ clock })({ method: 'GET', url: context.url('/echo'), body: 'none' });
      const { scheme } = context;
      if (scheme.resendsOnSkew || !scheme.timeBased) {
        expectVerified(context, response);
      } else {
        // A time-based scheme with no way to learn the time (webhooks) is refused, once.
        expect({ status: response.status, reason: (response.json as VerifierResponseBody).reason }).toEqual({ status: 401, reason: 'timestamp_skew' });
      }
      expect(context.arrivals()).toHaveLength(scheme.resendsOnSkew ? 2 : 1);
    },
  },
  {
    name: 'a server that always answers 401 gets at most one re-send',
    async run(context) {
      const response = await context.client()({ method: 'GET', url: context.url('/reject'), body: 'none' });
      expect(response.status).toBe(401);
      expect(context.arrivals()).toHaveLength(context.scheme.resendsOnSkew ? 2 : 1);
    },
  },
];
