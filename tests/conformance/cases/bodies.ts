// Every scheme verifies, with every body kind, directly and through a same-origin 307.
import { BODY_KINDS, EXPECTED_BYTES, isOneShot } from '../support/bodies.js';
import { type ConformanceCase, expectedTokenRequests, expectVerified, rejection } from './case.js';
import { expect } from 'vitest';

export const BODY_CASES: readonly ConformanceCase[] = [
  {
    name: 'a GET verifies',
    async run(context) {
      const report = expectVerified(context, await context.client()({ method: 'GET', url: context.url('/echo'), body: 'none' }));
      expect(report.method).toBe('GET');
      expect(context.arrivals()).toHaveLength(1);
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, 1));
    },
  },
  ...BODY_KINDS.map(
    (kind): ConformanceCase => ({
      name: `a POST with a ${kind} body verifies, every byte arriving`,
      async run(context) {
        const report = expectVerified(context, await context.client()({ method: 'POST', url: context.url('/echo'), body: kind }));
        expect(report.bodyBytes).toBe(EXPECTED_BYTES[kind]);
        expect(context.arrivals()).toHaveLength(1);
      },
    }),
  ),
  ...BODY_KINDS.map(
    (kind): ConformanceCase => ({
      name: `a ${kind} body through a same-origin 307: re-sent whole when replayable or buffered, never re-sent empty`,
      async run(context) {
        const target = context.url('/echo');
        const call = context.client()({ method: 'POST', url: context.url('/redirect', { status: '307', to: target }), body: kind });
        // A scheme that signs bodies buffered the stream up front, so even a stream is replayable.
        if (isOneShot(kind) && !context.scheme.signsBody) {
          expect(await rejection(call)).toMatchObject({ code: 'body_not_replayable' });
          expect(context.arrivals().map((a) => a.path)).toEqual(['/redirect']);
          return;
        }
        const report = expectVerified(context, await call);
        expect({ method: report.method, path: report.path, bodyBytes: report.bodyBytes }).toEqual({ method: 'POST', path: '/echo', bodyBytes: EXPECTED_BYTES[kind] });
        expect(context.arrivals().map((a) => a.bodyBytes)).toEqual([EXPECTED_BYTES[kind], EXPECTED_BYTES[kind]]);
      },
    }),
  ),
];
