// The redirect matrix: same origin (re-authorized per hop, method and body per the Fetch
// standard), another origin (no credential arrives), https→http (refused), a loop.
import { expect } from 'vitest';
import type { VerifierResponseBody } from '@signet/verifier';
import { EXPECTED_BYTES } from '../support/bodies.js';
import { type ConformanceCase, expectedTokenRequests, expectVerified, rejection } from './case.js';

const SAME_ORIGIN = [301, 302, 303, 307, 308] as const;

export const REDIRECT_CASES: readonly ConformanceCase[] = [
  ...SAME_ORIGIN.map(
    (status): ConformanceCase => ({
      name: `a same-origin ${status} is authorized again; ${status >= 307 ? 'method and body kept' : 'POST becomes GET without the body'}`,
      async run(context) {
        const keeps = status >= 307;
        const response = await context.client()({ method: 'POST', url: context.url('/redirect', { status: String(status), to: context.url('/echo') }), body: 'bytes' });
        const report = expectVerified(context, response);
        expect({ method: report.method, bodyBytes: report.bodyBytes }).toEqual(keeps ? { method: 'POST', bodyBytes: EXPECTED_BYTES.bytes } : { method: 'GET', bodyBytes: 0 });
        expect(context.arrivals().map((a) => a.path)).toEqual(['/redirect', '/echo']);
      },
    }),
  ),
  {
    name: 'a redirect to another origin arrives there with no credential',
    async run(context) {
      const target = context.url('/echo', {}, context.servers.other.origin);
      const response = await context.client()({ method: 'GET', url: context.url('/redirect', { status: '302', to: target }), body: 'none' });
      const report = response.json as VerifierResponseBody;
      expect({ status: response.status, verified: report.verified, reason: report.reason }).toEqual({ status: 401, verified: false, reason: 'missing_credentials' });
      const landed = context.arrivals()[1]!;
      expect(landed.path).toBe('/echo');
      // Authorization, and the scheme's own headers (X-API-Key, DPoP, the webhook signature…).
      const credentialHeaders = [...context.credential().sensitiveHeaders, 'authorization'];
      expect(landed.headerNames.filter((name) => credentialHeaders.includes(name))).toEqual([]);
      // The token was fetched for the home hop only.
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, 1));
    },
  },
  {
    name: 'https → http is refused, and nothing reaches the http URL',
    async run(context) {
      const target = context.url('/echo');
      const error = await rejection(context.client()({ method: 'GET', url: context.url('/start', { to: target }, context.servers.tlsOrigin), body: 'none' }));
      expect(error).toMatchObject({ code: 'redirect_downgrade' });
      // The https hop did happen (the certificate was trusted); the http one never did.
      expect(context.arrivals().map((a) => a.path)).toEqual(['/start']);
    },
  },
  {
    name: 'a redirect loop ends with too_many_redirects after exactly 20 redirects',
    async run(context) {
      const error = await rejection(context.client()({ method: 'GET', url: context.url('/loop'), body: 'none' }));
      expect(error).toMatchObject({ code: 'too_many_redirects' });
      expect(context.arrivals()).toHaveLength(21);
      // Every hop re-authorized with the one token.
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, 1));
    },
  },
];
