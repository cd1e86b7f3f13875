import { apiKey } from '@signet/core';
import { withAuth } from '@signet/fetch';
import { BENCH_KEY } from '../fixtures/bench-policy.js';
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
      await expectVerified(signetRequest, 'withAuth(fetch)');
      await expectVerified(rawRequest, 'fetch');
      const row = (concurrency: number, counts: Pick<Comparison, 'ops' | 'rounds' | 'warmupOps'>): Comparison => ({
        name: `fetch adapter vs raw fetch, concurrency ${concurrency}`,
        target: TARGET,
        source: 'issue 6',
        metric: 'cpu',
        measured: 'client CPU per request (GET on loopback, body read)',
        signet: side('withAuth(fetch, apiKey({ key }), { origins })', signetRequest, concurrency),
        baseline: side("fetch(url, { headers: { authorization: 'ApiKey …' } })", rawRequest, concurrency),
        ...counts,
      });
      // Loopback CPU per request is noisy (most of it is the kernel's TCP work, which depends on
      // what else the machine runs), so these rows take many small rounds: each round's ratio
      // then compares requests sent milliseconds apart.
      return {
        comparisons: [row(1, { ops: { normal: 20, quick: 20 }, rounds: { normal: 201, quick: 3 }, warmupOps: { normal: 500, quick: 50 } }),
          row(64, { ops: { normal: 320, quick: 128 }, rounds: { normal: 61, quick: 3 }, warmupOps: { normal: 1280, quick: 128 } }),],
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
  const one = async (): Promise<void> => {
    const response = await request();
    // Checked on both sides alike; a refused request would be cheaper and skew the ratio.
    if (response.status !== 200) throw new Error(`bench: ${label} got HTTP ${response.status} from the verifier`);
    await response.arrayBuffer();
  };
  return {
    label,
    async run(ops) {
      let started = 0;
      const worker = async (): Promise<void> => {
        while (started < ops) {
          started++;
          await one();
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
    },
  };
}

async function expectVerified(request: () => Promise<Response>, label: string): Promise<void> {
  const response = await request();
  const report = (await response.json()) as { verified?: boolean; reason?: string | null };
  if (response.status !== 200 || report.verified !== true) {
    throw new Error(`bench: the verifier refused ${label} (HTTP ${response.status}, ${report.reason ?? 'no reason'}); the comparison would not be like for like`);
  }
}
