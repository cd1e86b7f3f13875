// Retries after 429 and 503 with Retry-After (seconds and HTTP-date), counted at the server, with
// the sleep injected so nothing waits: only for idempotent requests or with an Idempotency-Key,
// bounded, capped, and never re-sending a one-shot stream.
import { expect } from 'vitest';
import { EXPECTED_BYTES } from '../support/bodies.js';
import { type ConformanceCase, expectedTokenRequests, expectVerified, rejection } from './case.js';

export const RETRY_CASES: readonly ConformanceCase[] = [
  {
    name: '429 with Retry-After: 2 (seconds): a GET is retried once after 2 s, re-authorized',
    async run(context) {
      expectVerified(context, await context.client()({ method: 'GET', url: context.url('/busy', { status: '429', after: 'seconds', fail: '1' }), body: 'none' }));
      expect(context.arrivals()).toHaveLength(2);
      expect(context.sleeps).toEqual([2000]);
      // The retry is authorized again with the token already held, not a new one.
      expect(context.tokenRequests()).toBe(expectedTokenRequests(context, 1));
    },
  },
  {
    name: '503 with Retry-After as an HTTP-date: a DELETE is retried once after 2 s',
    async run(context) {
      const report = expectVerified(context, await context.client()({ method: 'DELETE', url: context.url('/busy', { status: '503', after: 'date', fail: '1' }), body: 'none' }));
      expect(report.method).toBe('DELETE');
      expect(context.arrivals()).toHaveLength(2);
      expect(context.sleeps).toEqual([2000]);
    },
  },
  {
    name: '429 to a POST without an Idempotency-Key: not retried, the 429 comes back',
    async run(context) {
      const response = await context.client()({ method: 'POST', url: context.url('/busy', { status: '429', after: 'seconds', fail: '1' }), body: 'bytes' });
      expect(response.status).toBe(429);
      expect(context.arrivals()).toHaveLength(1);
      expect(context.sleeps).toEqual([]);
    },
  },
  {
    name: '429 to a POST with an Idempotency-Key: retried with the whole body, verified',
    async run(context) {
      const call = { method: 'POST', url: context.url('/busy', { status: '429', after: 'seconds', fail: '1' }), body: 'bytes', headers: { 'Idempotency-Key': context.id } } as const;
      const report = expectVerified(context, await context.client()(call));
      expect(report.bodyBytes).toBe(EXPECTED_BYTES.bytes);
      expect(report.headerNames).toContain('idempotency-key');
      expect(context.arrivals().map((a) => a.bodyBytes)).toEqual([EXPECTED_BYTES.bytes, EXPECTED_BYTES.bytes]);
    },
  },
  {
    name: '503 for ever without Retry-After: bounded (2 retries by default, backoff), then the 503',
    async run(context) {
      const response = await context.client()({ method: 'GET', url: context.url('/busy', { status: '503', after: 'none', fail: 'always' }), body: 'none' });
      expect(response.status).toBe(503);
      expect(context.arrivals()).toHaveLength(3);
      expect(context.sleeps).toHaveLength(2);
      expect(context.sleeps.every((ms) => ms > 0 && ms <= 2000)).toBe(true);
    },
  },
  {
    name: 'a Retry-After beyond maxDelayMs: the 429 comes back at once, no wait',
    async run(context) {
      const response = await context.client()({ method: 'GET', url: context.url('/busy', { status: '429', after: 'long', fail: '1' }), body: 'none' });
      expect(response.status).toBe(429);
      expect(context.arrivals()).toHaveLength(1);
      expect(context.sleeps).toEqual([]);
    },
  },
  {
    name: 'a PUT with a stream and a 503: buffered and retried if the scheme signs bodies, else body_not_replayable, never re-sent empty',
    async run(context) {
      const call = context.client()({ method: 'PUT', url: context.url('/busy', { status: '503', after: 'seconds', fail: '1' }), body: 'stream' });
      if (context.scheme.signsBody) {
        expect(expectVerified(context, await call).bodyBytes).toBe(EXPECTED_BYTES.stream);
        expect(context.arrivals().map((a) => a.bodyBytes)).toEqual([EXPECTED_BYTES.stream, EXPECTED_BYTES.stream]);
      } else {
        expect(await rejection(call)).toMatchObject({ code: 'body_not_replayable' });
        expect(context.arrivals().map((a) => a.bodyBytes)).toEqual([EXPECTED_BYTES.stream]);
        expect(context.sleeps).toEqual([]);
      }
    },
  },
];
