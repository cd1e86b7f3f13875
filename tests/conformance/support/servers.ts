// The servers of the suite, all on loopback: the real verifier server twice (two origins) with
// small fixture routes composed around the verifier's own handler, and an https server whose only
// job is to redirect to plain http. Every route records what arrived, keyed by the `case` query
// parameter, so each test counts requests at the server.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAuthorizationServer, createVerifier, createVerifierHandler, type RequestHandler } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { authorizationServerOptions, conformancePolicy, type SchemeServers } from './schemes.js';
import type { ThrowawayCert } from './tls.js';

/** What one request looked like when it arrived. */
export interface Arrival {
  readonly method: string;
  readonly path: string;
  readonly headerNames: readonly string[];
  readonly bodyBytes: number;
}

/** Requests received, by case id. */
export class ArrivalLog {
  private readonly byCase = new Map<string, Arrival[]>();
  private readonly waiters = new Map<string, () => void>();

  record(request: Request, bodyBytes: number): void {
    const url = new URL(request.url);
    const id = url.searchParams.get('case') ?? '';
    const list = this.byCase.get(id) ?? [];
    list.push({ method: request.method, path: url.pathname, headerNames: [...request.headers.keys()], bodyBytes });
    this.byCase.set(id, list);
    this.waiters.get(id)?.();
  }

  of(id: string): readonly Arrival[] {
    return this.byCase.get(id) ?? [];
  }

  /** Resolves when a request for `id` has arrived (event-driven: nothing polls or sleeps). */
  arrived(id: string): Promise<void> {
    if (this.of(id).length > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }
}

export interface ConformanceServers {
  readonly home: VerifierServer;
  readonly other: VerifierServer;
  /** `https://127.0.0.1:<port>`: redirects every request to its `to` query parameter. */
  readonly tlsOrigin: string;
  readonly log: ArrivalLog;
  /** The home origin and its mounted authorization server, for the scheme table. */
  readonly schemeServers: SchemeServers;
  /** Token endpoint requests so far (every grant, counted by the authorization server). */
  tokenRequests(): number;
  close(): Promise<void>;
}

const TEN_MINUTES = 10 * 60_000;

export async function startConformanceServers(tls: ThrowawayCert): Promise<ConformanceServers> {
  const log = new ArrivalLog();
  // The policy names the home origin and its authorization server, so the verifiers are made once
  // the home server listens (before any request arrives); the routes call them through these.
  let verify: RequestHandler = () => Promise.reject(new Error('conformance: the home server is not ready'));
  let drifting: RequestHandler = verify;
  // A verifier whose clock jumps ten minutes ahead on every request: a time-based scheme is always
  // "skewed", whatever it learned from the last answer, and every token is expired. Used to count re-sends.
  let drift = 0;
  const busyHits = new Map<string, number>();
  const hung: Array<() => void> = [];

  const recorded = (handler: RequestHandler): RequestHandler => async (request) => {
    log.record(request, (await request.clone().arrayBuffer()).byteLength);
    return handler(request);
  };
  const query = (request: Request) => new URL(request.url).searchParams;

  const routes: Record<string, RequestHandler> = {
    '/echo': recorded((request) => verify(request)),
    // /redirect?status=307&to=<url>
    '/redirect': recorded(async (request) => new Response(null, { status: Number(query(request).get('status')), headers: { location: query(request).get('to')! } })),
    // Points at itself, for ever.
    '/loop': recorded(async (request) => new Response(null, { status: 302, headers: { location: request.url } })),
    // /busy?status=429&after=seconds|date|none|long&fail=1|always: refuses `fail` times, then verifies.
    '/busy': recorded(async (request) => {
      const q = query(request);
      const id = q.get('case')!;
      const hits = (busyHits.get(id) ?? 0) + 1;
      busyHits.set(id, hits);
      if (q.get('fail') !== 'always' && hits > Number(q.get('fail'))) return verify(request);
      const now = Date.now();
      const headers: Record<string, string> = {};
      const after = q.get('after');
      if (after === 'seconds') headers['retry-after'] = '2';
      if (after === 'long') headers['retry-after'] = '3600';
      if (after === 'date') {
        // RFC 9110 §10.2.3: an HTTP-date; with the Date header from the same instant, exactly 2 s.
        headers.date = new Date(now).toUTCString();
        headers['retry-after'] = new Date(now + 2000).toUTCString();
      }
      return new Response(null, { status: Number(q.get('status')), headers });
    }),
    // Always 401: time-based schemes get a fresh skew challenge each time, the others a plain refusal.
    '/reject': recorded(async (request) => {
      drift += TEN_MINUTES;
      const answer = await drifting(request);
      return answer.status === 401 ? answer : new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="conformance"' } });
    }),
    // Never answers until the suite ends: for cancelling a request in flight.
    '/hang': recorded(() => new Promise<Response>((resolve) => hung.push(() => resolve(new Response(null, { status: 204 }))))),
  };

  let schemeServers!: SchemeServers;
  const home = await startVerifierServer({
    authorizationServer: (origin) => createAuthorizationServer(authorizationServerOptions(origin)),
    verifier: ({ origin, authorizationServer }) => {
      schemeServers = { origin, authorizationServer: authorizationServer! };
      verify = createVerifierHandler(createVerifier(conformancePolicy(schemeServers)));
      drifting = createVerifierHandler(createVerifier({ ...conformancePolicy(schemeServers), now: () => Date.now() + drift }));
      return createVerifier(conformancePolicy(schemeServers));
    },
    routes,
  });
  // The other origin shares the routes (and so the home verifier: a token for home is not for it).
  const other = await startVerifierServer({ verifier: createVerifier(conformancePolicy(schemeServers)), routes });
  const tlsServer = await startRedirectingTlsServer(tls, log);
  const tlsOrigin = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;

  return {
    home,
    other,
    tlsOrigin,
    log,
    schemeServers,
    tokenRequests() {
      const { client_credentials, refresh_token, other: rest } = schemeServers.authorizationServer.counters.tokenRequests;
      return client_credentials + refresh_token + rest;
    },
    async close() {
      for (const release of hung) release();
      tlsServer.closeAllConnections();
      await Promise.all([home.close(), other.close(), new Promise((resolve) => tlsServer.close(resolve))]);
    },
  };
}

async function startRedirectingTlsServer(tls: ThrowawayCert, log: ArrivalLog): Promise<Server> {
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    log.record(new Request(url, { method: req.method, headers: req.headers as Record<string, string> }), 0);
    req.resume();
    res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
