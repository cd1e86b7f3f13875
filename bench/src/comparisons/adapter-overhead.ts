import { apiKey, type Credential } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { attachAuth } from '@signet/axios';
import { withAuth } from '@signet/fetch';
import { authInterceptor } from '@signet/node';
import axios, { type AxiosAdapter } from 'axios';
import type { Dispatcher } from 'undici';
import { BENCH_HMAC_KEY, BENCH_KEY } from '../fixtures/bench-policy.js';
import type { Comparison, ComparisonGroup, Side } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

const ORIGIN = 'https://api.example.com';
const URL_ = `${ORIGIN}/bench`;
const BODY = '{"ok":true}';
const KEY_HEADER = { authorization: `ApiKey ${BENCH_KEY}` };

/**
 * What each adapter itself adds to a request, with the network taken out: the transport is an
 * in-memory stand-in that answers at once, so the number is Signet's own work (the adapter, the
 * send loop, the credential) and its garbage, free of the kernel's TCP work that makes the
 * loopback rows noisy. Each round times the same stand-in called directly with the header set by
 * hand and through the adapter, and reports the difference per request. No target in the issue:
 * reported, so the loopback rows' misses can be read against it (docs/performance.md).
 */
export const adapterOverhead: ComparisonGroup = {
  name: 'adapter overhead',
  async open() {
    const row = (name: string, signet: string, raw: string, sides: { signed: () => Promise<unknown>; raw: () => Promise<unknown> }): Comparison => ({
      name,
      kind: 'absolute',
      target: null,
      section: 'adapter overhead',
      source: 'no target: it explains the issue 6 rows',
      metric: 'reported',
      unit: 'µs added/request',
      measured: 'time one request takes through the adapter minus the same stand-in transport called directly (in memory, no network)',
      signet: addedTime(`${signet} − ${raw}`, sides.signed, sides.raw),
      ops: { normal: 20_000, quick: 500 },
      rounds: { normal: 21, quick: 3 },
      warmupOps: { normal: 4_000, quick: 100 },
    });
    return {
      comparisons: [
        row('adapter overhead: undici interceptor (apiKey), in-memory dispatcher', 'authInterceptor(apiKey)', 'dispatch with the header', undiciSides(apiKey({ key: BENCH_KEY }))),
        row('adapter overhead: undici interceptor (hmac), in-memory dispatcher', 'authInterceptor(hmac)', 'dispatch with the header', undiciSides(hmac(BENCH_HMAC_KEY))),
        row('adapter overhead: fetch adapter (apiKey), in-memory fetch', 'withAuth(fetch, apiKey)', 'fetch with the header', fetchSides()),
        row('adapter overhead: axios adapter (apiKey), in-memory axios adapter', 'attachAuth(axios, apiKey)', 'axios with the header', axiosSides()),
      ],
      close: async () => undefined,
    };
  },
};

/** A side that times `ops` of each in alternation and reports the difference per request, in µs. */
function addedTime(label: string, signed: () => Promise<unknown>, raw: () => Promise<unknown>): Side {
  const time = async (one: () => Promise<unknown>, ops: number): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) blackhole.value = await one();
    return Number(process.hrtime.bigint() - start) / 1000 / ops;
  };
  return {
    label,
    async run(ops) {
      // Both halves in one round, raw first then signed, then again the other way: whatever the
      // machine does meanwhile lands on both.
      const half = Math.max(1, Math.floor(ops / 4));
      const raw1 = await time(raw, half);
      const signed1 = await time(signed, half);
      const signed2 = await time(signed, half);
      const raw2 = await time(raw, half);
      return (signed1 + signed2 - raw1 - raw2) / 2;
    },
  };
}

// undici: a dispatch that answers every request at once with a small JSON body, as the new
// handler API expects (start, headers, data, end), one microtask later.
function undiciSides(credential: Credential): { signed: () => Promise<unknown>; raw: () => Promise<unknown> } {
  const controller = { abort() {}, pause() {}, resume() {}, paused: false, aborted: false, reason: null } as unknown as Dispatcher.DispatchController;
  const body = Buffer.from(BODY);
  const answer = { 'content-type': 'application/json', 'content-length': String(body.length), date: new Date().toUTCString() };
  const inMemory: Dispatcher.Dispatch = (_options, handler) => {
    queueMicrotask(() => {
      handler.onRequestStart?.(controller, {});
      handler.onResponseStart?.(controller, 200, answer, 'OK');
      handler.onResponseData?.(controller, body);
      handler.onResponseEnd?.(controller, {});
    });
    return true;
  };
  const signedDispatch = authInterceptor(credential, { origins: ORIGIN })(inMemory);
  const send = (dispatch: Dispatcher.Dispatch, headers: Record<string, string>): Promise<number> =>
    new Promise((resolve, reject) => {
      let status = 0;
      dispatch({ origin: ORIGIN, path: '/bench', method: 'GET', headers }, {
        onResponseStart: (_c, statusCode) => void (status = statusCode),
        onResponseEnd: () => resolve(status),
        onResponseError: (_c, error) => reject(error),
      });
    });
  return { signed: () => send(signedDispatch, {}), raw: () => send(inMemory, KEY_HEADER) };
}

// fetch: a stand-in that answers every call with a new Response; the caller reads the body.
function fetchSides(): { signed: () => Promise<unknown>; raw: () => Promise<unknown> } {
  const inMemory = (async () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
  const api = withAuth(inMemory, apiKey({ key: BENCH_KEY }), { origins: ORIGIN });
  return {
    signed: async () => (await api(URL_)).text(),
    raw: async () => (await inMemory(URL_, { headers: KEY_HEADER })).text(),
  };
}

// axios: an adapter that answers every request at once; attachAuth wraps it like any other.
function axiosSides(): { signed: () => Promise<unknown>; raw: () => Promise<unknown> } {
  const inMemory: AxiosAdapter = async (config) => ({ data: BODY, status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, config, request: {} });
  const signed = attachAuth(axios.create({ adapter: inMemory }), apiKey({ key: BENCH_KEY }), { origins: ORIGIN });
  const plain = axios.create({ adapter: inMemory, headers: KEY_HEADER });
  return { signed: () => signed.get(URL_), raw: () => plain.get(URL_) };
}
