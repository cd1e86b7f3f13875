// The one re-send for auth: a client clock 10 minutes slow is recovered from once by the schemes
// that can learn the server's time, and a server that always answers 401 never gets more than two
// requests; token schemes refresh once for it and then fail with auth_rejected.
import { createClock, SignetCredentialError } from '@signet/core';
import type { VerifierResponseBody } from '@signet/verifier';
import { expect } from 'vitest';
import { type ConformanceCase, expectedTokenRequests, expectVerified, rejection } from './case.js';

export const AUTH_CASES: readonly ConformanceCase[] = [
  {
    name: 'a client clock 10 minutes slow: verified as is, or after one re-send on the learned time, or refused once (never a loop)',
    async run(context) {
      const clock = createClock({ now: () => Date.now() - 10 * 60_000 });
      const call = context.client({ clock })({ method: 'GET', url: context.url('/echo'), body: 'none' });
      const { slowClock } = context.scheme;
      const response = await call;
      if (slowClock === 'refused') {
        // A time-based scheme with no way to learn the time (webhooks) is refused, once.
        expect({ status: response.status, reason: (response.json as VerifierResponseBody).reason }).toEqual({ status: 401, reason: 'timestamp_skew' });
      } else {
        expectVerified(context, response);
      }
      expect(context.arrivals()).toHaveLength(slowClock === 'resent' ? 2 : 1);
      // A token is fetched once (DPoP: proven twice, the second time on the learned time); the
      // client's clock only times its refresh.
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, slowClock === 'token_reproved' ? 2 : 1));
    },
  },
  {
    name: 'a server that always answers 401 gets at most one re-send (token schemes: one refresh, then auth_rejected)',
    async run(context) {
      const call = context.client()({ method: 'GET', url: context.url('/reject'), body: 'none' });
      const { always401 } = context.scheme;
      if (always401 === 'auth_rejected') {
        const error = await rejection(call);
        expect(error).toBeInstanceOf(SignetCredentialError);
        expect(error).toMatchObject({ code: 'auth_rejected', scheme: context.scheme.name });
      } else {
        expect((await call).status).toBe(401);
      }
      expect(context.arrivals()).toHaveLength(always401 === 'returned' ? 1 : 2);
      // The first token, then one refresh for the re-send: never a refresh loop.
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, 2));
    },
  },
];
