import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { apiKey } from '@signet/core';
import { attachAuth } from '@signet/axios';
import { BENCH_KEY } from '../fixtures/bench-policy.js';
import { startVerifierProcess } from '../fixtures/start-verifier-process.js';
import type { Comparison, ComparisonGroup, Side } from '../runner/comparison.js';

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
      await expectVerified(signed, url, 'attachAuth(axios)');
      await expectVerified(plain, url, 'axios');
      const row = (concurrency: number, counts: Pick<Comparison, 'ops' | 'rounds' | 'warmupOps'>): Comparison => ({
        name: `axios adapter vs raw axios, concurrency ${concurrency}`,
        target: TARGET,
        source: 'issue 6',
        metric: 'cpu',
        measured: 'client CPU per request (GET on loopback, JSON body parsed)',
        signet: side('attachAuth(axios.create(), apiKey({ key }), { origins })', () => signed.get(url), concurrency),
        baseline: side("axios.create({ headers: { authorization: 'ApiKey …' } })", () => plain.get(url), concurrency),
        ...counts,
      });
      // Many small rounds, as in the fetch rows: loopback CPU per request is noisy.
      return {
        comparisons: [
          row(1, { ops: { normal: 20, quick: 20 }, rounds: { normal: 201, quick: 3 }, warmupOps: { normal: 500, quick: 50 } }),
          row(64, { ops: { normal: 320, quick: 128 }, rounds: { normal: 61, quick: 3 }, warmupOps: { normal: 1280, quick: 128 } }),
        ],
        close: server.close,
      };
    } catch (error) {
      await server.close();
      throw error;
    }
  },
};

/** A side that sends `ops` requests with `concurrency` in flight. */
function side(label: string, request: () => Promise<AxiosResponse>, concurrency: number): Side {
  return {
    label,
    async run(ops) {
      let started = 0;
      const worker = async (): Promise<void> => {
        while (started < ops) {
          started++;
          // axios rejects anything but 2xx, so a refused request cannot pass unnoticed and skew the ratio.
          await request();
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
    },
  };
}

async function expectVerified(instance: AxiosInstance, url: string, label: string): Promise<void> {
  const response = await instance.get<{ verified?: boolean; reason?: string | null }>(url, { validateStatus: () => true });
  if (response.status !== 200 || response.data.verified !== true) {
    throw new Error(`bench: the verifier refused ${label} (HTTP ${response.status}, ${response.data.reason ?? 'no reason'}); the comparison would not be like for like`);
  }
}
