import axios from 'axios';
import { attachAuth } from '@signet/axios';
import { bearer } from '@signet/core/bearer';
import { clientCredentials } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { authInterceptor } from '@signet/node';
import { Agent, request } from 'undici';
import { concurrentSide } from '../fixtures/concurrent-side.js';
import { microtaskInterceptor, readingInterceptor } from '../fixtures/floor-interceptors.js';
import { LOOPBACK_COUNTS } from '../fixtures/loopback-counts.js';
import { fetchAccessToken, OAUTH_CLIENT } from '../fixtures/oauth-client.js';
import { startVerifierProcess } from '../fixtures/start-verifier-process.js';
import type { Comparison, ComparisonGroup, Side } from '../runner/comparison.js';

// Issue 6: each adapter costs ≤ 1.1× the client CPU per request of the transport it wraps, "with a
// cached Bearer token".
const TARGET = 1.1;

/**
 * Issue 6's adapter rows as it states them: each adapter with `bearer(clientCredentials(…))`, its
 * token cached after the first request, against its transport sending the same kind of token set by
 * hand, on loopback, as client CPU per request. The mock authorization server and a resource that
 * accepts its tokens run in a child process (oauth-server.ts), so the resource's JWT checks are not
 * the client's CPU. Each row sits in its adapter's section, beside the `apiKey` rows.
 */
export const bearerAdapters: ComparisonGroup = {
  name: 'adapters with a cached Bearer token',
  async open() {
    const server = await startVerifierProcess('oauth-server');
    const agents: Agent[] = [];
    const close = async (): Promise<void> => {
      await Promise.all(agents.map((a) => a.close()));
      await server.close();
    };
    try {
      const url = `${server.origin}/bench/resource`;
      const origins = server.origin;
      const tokenEndpoint = `${server.origin}/token`;
      // One credential per adapter, each asking for its token once, then serving it from its cache.
      const cachedBearer = () => bearer(clientCredentials({ tokenEndpoint, clientId: OAUTH_CLIENT.id, clientSecret: OAUTH_CLIENT.secret }));
      const headers = { authorization: `Bearer ${await fetchAccessToken(tokenEndpoint)}` };
      const agent = (): Agent => {
        const created = new Agent();
        agents.push(created);
        return created;
      };
      const api = withAuth(fetch, cachedBearer(), { origins });
      const signedDispatcher = agent().compose(authInterceptor(cachedBearer(), { origins }));
      const plainDispatcher = agent();
      // The floors under the interceptor row, against this resource (undici-interceptor.ts has them against the API key one).
      const floorDispatcher = agent().compose(microtaskInterceptor(headers));
      const readingDispatcher = agent().compose(readingInterceptor('authorization', headers.authorization));
      const signedAxios = attachAuth(axios.create(), cachedBearer(), { origins });
      const plainAxios = axios.create({ headers });

      // Each one answers 200, or the sides would not do the same work (a refused request is cheaper).
      const sides = {
        fetch: (): Promise<number> => api(url).then(read),
        rawFetch: (): Promise<number> => fetch(url, { headers }).then(read),
        undici: (): Promise<number> => request(url, { dispatcher: signedDispatcher }).then(readUndici),
        rawUndici: (): Promise<number> => request(url, { dispatcher: plainDispatcher, headers }).then(readUndici),
        floor: (): Promise<number> => request(url, { dispatcher: floorDispatcher }).then(readUndici),
        reading: (): Promise<number> => request(url, { dispatcher: readingDispatcher }).then(readUndici),
        axios: (): Promise<number> => signedAxios.get(url).then((r) => r.status),
        rawAxios: (): Promise<number> => plainAxios.get(url).then((r) => r.status),
      };
      for (const [name, send] of Object.entries(sides)) {
        const status = await send();
        if (status !== 200) throw new Error(`bench: ${name} with a Bearer token got HTTP ${status} from the resource`);
      }

      const row = (section: string, name: string, concurrency: 1 | 64, signet: [string, () => Promise<number>], baseline: [string, () => Promise<number>]): Comparison => ({
        name: `${name} (cached Bearer), concurrency ${concurrency}`,
        section,
        target: TARGET,
        source: 'issue 6 (with a cached Bearer token)',
        metric: 'cpu',
        measured: 'client CPU per request (GET on loopback, body read), a cached Bearer token',
        signet: side(signet[0], signet[1], concurrency),
        baseline: side(baseline[0], baseline[1], concurrency),
        ...LOOPBACK_COUNTS[concurrency],
      });
      const floor = (concurrency: 1 | 64, what: string, why: string, signet: [string, () => Promise<number>]): Comparison => ({
        name: `undici: ${what} vs raw undici.request (cached Bearer), concurrency ${concurrency}`,
        section: 'undici interceptor',
        kind: 'absolute',
        target: null,
        source: 'no target: the floor under the Bearer interceptor row',
        metric: 'cpu',
        measured: `client CPU per request (GET on loopback, body read), a Bearer token; the ratio is ${why}`,
        signet: side(signet[0], signet[1], concurrency),
        baseline: side("request(url, { dispatcher: new Agent(), headers: { authorization: 'Bearer …' } })", sides.rawUndici, concurrency),
        ...LOOPBACK_COUNTS[concurrency],
      });
      const rows = (concurrency: 1 | 64): Comparison[] => [
        row('fetch adapter', 'fetch adapter vs raw fetch', concurrency, ['withAuth(fetch, bearer(clientCredentials({ … })), { origins })', sides.fetch], ["fetch(url, { headers: { authorization: 'Bearer …' } })", sides.rawFetch]),
        row(
          'undici interceptor',
          'undici interceptor vs raw undici.request',
          concurrency,
          ['request(url, { dispatcher: new Agent().compose(authInterceptor(bearer(clientCredentials({ … })), { origins })) })', sides.undici],
          ["request(url, { dispatcher: new Agent(), headers: { authorization: 'Bearer …' } })", sides.rawUndici],
        ),
        row('axios adapter', 'axios adapter vs raw axios', concurrency, ['attachAuth(axios.create(), bearer(clientCredentials({ … })), { origins })', sides.axios], ["axios.create({ headers: { authorization: 'Bearer …' } })", sides.rawAxios]),
        floor(concurrency, 'a minimal async interceptor', 'what any interceptor that waits a microtask costs', ['d => (o, h) => (queueMicrotask(() => d({ ...o, headers }, h)), true)', sides.floor]),
        floor(concurrency, 'an async interceptor that reads the request as URL + Headers', 'what any interceptor pays that hands a scheme a URL and Headers', [
          'a microtask later: new URL(origin + path), SigningHeaders, set one, flat list, dispatch (fixtures/floor-interceptors.ts)',
          sides.reading,
        ]),
      ];
      return { comparisons: [...rows(1), ...rows(64)], close };
    } catch (error) {
      await close();
      throw error;
    }
  },
};

async function read(response: Response): Promise<number> {
  await response.arrayBuffer();
  return response.status;
}

async function readUndici(response: { statusCode: number; body: { arrayBuffer(): Promise<ArrayBuffer> } }): Promise<number> {
  await response.body.arrayBuffer();
  return response.statusCode;
}

/** A side that sends `ops` requests with `concurrency` in flight; every answer must be a 200. */
function side(label: string, send: () => Promise<number>, concurrency: number): Side {
  return concurrentSide(
    label,
    async () => {
      const status = await send();
      if (status !== 200) throw new Error(`bench: ${label} got HTTP ${status} from the resource`);
    },
    concurrency,
  );
}
