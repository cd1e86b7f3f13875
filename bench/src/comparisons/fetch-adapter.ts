import { apiKey } from '@signet/core';
import { withAuth } from '@signet/fetch';
import { BENCH_KEY } from '../fixtures/bench-policy.js';
import { concurrentSide } from '../fixtures/concurrent-side.js';
import { expectVerified, type VerifierReport } from '../fixtures/expect-verified.js';
import { LOOPBACK_COUNTS } from '../fixtures/loopback-counts.js';
import { startVerifierProcess } from '../fixtures/start-verifier-process.js';
import type { Comparison, ComparisonGroup, Side } from '../runner/comparison.js';

// Issue 6: each adapter costs ≤ 1.1× the client CPU per request of the transport it wraps.
const TARGET = 1.1;

/**
 * `withAuth(fetch, apiKey)` against plain `fetch` with the same header set by hand, on loopback,
 * as client CPU per request. The verifier server runs in a child process, so only the client's
 * work is counted: building the request, the adapter, undici, reading the response body. At
 * concurrency 64 the server limits requests per second, so wall time would say nothing about
 * the client; CPU per request does.
 */
export const fetchAdapter: ComparisonGroup = {
  name: 'fetch adapter',
  async open() {
    const server = await startVerifierProcess();
    try {
      const url = `${server.origin}/bench`;
      const api = withAuth(fetch, apiKey({ key: BENCH_KEY }), { origins: server.origin });
      const signetRequest = (): Promise<Response> => api(url);
      const rawRequest = (): Promise<Response> => fetch(url, { headers: { authorization: `ApiKey ${BENCH_KEY}` } });
      // Both sides must do the same work: the verifier accepts both, or the numbers mean nothing.
      for (const [label, request] of [['withAuth(fetch)', signetRequest], ['fetch', rawRequest]] as const) {
        const response = await request();
        expectVerified(label, response.status, (await response.json()) as VerifierReport);
      }
      const row = (concurrency: 1 | 64): Comparison => ({
        name: `fetch adapter vs raw fetch, concurrency ${concurrency}`,
        target: TARGET,
        source: 'issue 6',
        metric: 'cpu',
        measured: 'client CPU per request (GET on loopback, body read)',
        signet: side('withAuth(fetch, apiKey({ key }), { origins })', signetRequest, concurrency),
        baseline: side("fetch(url, { headers: { authorization: 'ApiKey …' } })", rawRequest, concurrency),
        ...LOOPBACK_COUNTS[concurrency],
      });
      return {
        comparisons: [row(1), row(64)],
        close: server.close,
      };
    } catch (error) {
      await server.close();
      throw error;
    }
  },
};

/** A side that sends `ops` requests with `concurrency` in flight, reading every body to the end. */
function side(label: string, request: () => Promise<Response>, concurrency: number): Side {
  return concurrentSide(
    label,
    async () => {
      const response = await request();
      // Checked on both sides alike; a refused request would be cheaper and skew the ratio.
      if (response.status !== 200) throw new Error(`bench: ${label} got HTTP ${response.status} from the verifier`);
      await response.arrayBuffer();
    },
    concurrency,
  );
}
