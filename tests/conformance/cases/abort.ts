// An AbortSignal cancels at every stage: while the credential signs, while a retry waits, and
// while the request is in flight. Each stage is held open until the abort (a gate, a sleep that
// never ends, a server that never answers), so a missed abort hangs the test instead of passing.
import type { Credential } from '@signet/core';
import { expect } from 'vitest';
import { type ConformanceCase, rejection } from './case.js';

const REASON = 'conformance: cancelled';

export const ABORT_CASES: readonly ConformanceCase[] = [
  {
    name: 'an abort while the credential is signing: rejected, nothing sent',
    async run(context) {
      const real = context.credential();
      let signing!: () => void;
      const started = new Promise<void>((resolve) => (signing = resolve));
      const stuck: Credential = { ...real, authorize: () => (signing(), new Promise(() => undefined)) };
      const controller = new AbortController();
      const call = context.client({}, stuck)({ method: 'GET', url: context.url('/echo'), body: 'none', signal: controller.signal });
      await started;
      controller.abort(new Error(REASON));
      expect(await rejection(call)).toBeTruthy();
      expect(context.arrivals()).toHaveLength(0);
      expect(context.tokenRequests()).toBe(0);
    },
  },
  {
    name: 'an abort while waiting to retry a 429: rejected at once, not re-sent',
    async run(context) {
      let waiting!: () => void;
      const started = new Promise<void>((resolve) => (waiting = resolve));
      const controller = new AbortController();
      const client = context.client({ retry: { sleep: () => (waiting(), new Promise(() => undefined)) } });
      const call = client({ method: 'GET', url: context.url('/busy', { status: '429', after: 'seconds', fail: '1' }), body: 'none', signal: controller.signal });
      await started;
      controller.abort(new Error(REASON));
      expect(await rejection(call)).toBeTruthy();
      expect(context.arrivals()).toHaveLength(1);
    },
  },
  {
    name: 'an abort while the request is in flight: rejected, sent once',
    async run(context) {
      const controller = new AbortController();
      const call = context.client()({ method: 'GET', url: context.url('/hang'), body: 'none', signal: controller.signal });
      await context.servers.log.arrived(context.id);
      controller.abort(new Error(REASON));
      expect(await rejection(call)).toBeTruthy();
      expect(context.arrivals()).toHaveLength(1);
    },
  },
];
