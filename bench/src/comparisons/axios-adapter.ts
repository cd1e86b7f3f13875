import axios from 'axios';
import { apiKey } from '@signet/core';
import { attachAuth } from '@signet/axios';
import { BENCH_KEY } from '../fixtures/bench-policy.js';
import { concurrentSide } from '../fixtures/concurrent-side.js';
import { expectVerified, type VerifierReport } from '../fixtures/expect-verified.js';
import { LOOPBACK_COUNTS } from '../fixtures/loopback-counts.js';
import { startVerifierProcess } from '../fixtures/start-verifier-process.js';
import type { Comparison, ComparisonGroup } from '../runner/comparison.js';

// Issue 6: each adapter costs ≤ 1.1× the client CPU per request of the transport it wraps.
const TARGET = 1.1;

/**
 * `attachAuth(axios.create(), apiKey)` against a plain axios instance with the same header set by
 * hand, on loopback, as client CPU per request; both use axios's Node http adapter and parse the
 * JSON body. The verifier server runs in a child process, so only the client's work is counted.
 * As in the fetch rows, CPU per request, not wall time: at concurrency 64 the server sets the pace.
 */
export const axiosAdapter: ComparisonGroup = {
  name: 'axios adapter',
  async open() {
    const server = await startVerifierProcess();
    try {
      const url = `${server.origin}/bench`;
      const signed = attachAuth(axios.create(), apiKey({ key: BENCH_KEY }), { origins: server.origin });
      const plain = axios.create({ headers: { authorization: `ApiKey ${BENCH_KEY}` } });
      // Both sides must do the same work: the verifier accepts both, or the numbers mean nothing.
      for (const [label, instance] of [['attachAuth(axios)', signed], ['axios', plain]] as const) {
        const response = await instance.get<VerifierReport>(url, { validateStatus: () => true });
        expectVerified(label, response.status, response.data);
      }
      // axios rejects anything but 2xx, so a refused request cannot pass unnoticed and skew the ratio.
      const row = (concurrency: 1 | 64): Comparison => ({
        name: `axios adapter vs raw axios, concurrency ${concurrency}`,
        target: TARGET,
        source: 'issue 6',
        metric: 'cpu',
        measured: 'client CPU per request (GET on loopback, JSON body parsed)',
        signet: concurrentSide('attachAuth(axios.create(), apiKey({ key }), { origins })', () => signed.get(url), concurrency),
        baseline: concurrentSide("axios.create({ headers: { authorization: 'ApiKey …' } })", () => plain.get(url), concurrency),
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
