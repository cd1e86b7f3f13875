// Node-only: compiled with Node types (tsconfig.node.json), exported as @signet/verifier/server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifierHandler, type RequestHandler } from '../create-verifier-handler.js';
import type { Verifier } from '../create-verifier.js';
import type { AuthorizationServer } from '../oauth2/create-authorization-server.js';
import type { VerificationResult } from '../verification-result.js';
import { readRequest, writeResponse } from './node-bridge.js';

/** What a verifier or authorization server factory learns once the server listens. */
export interface VerifierServerContext {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The mounted authorization server, if any. */
  readonly authorizationServer: AuthorizationServer | undefined;
}

/** Options for {@link startVerifierServer}. */
export interface VerifierServerOptions {
  /**
   * The verifier, or a function making it once the origin is known (so a `bearer` policy can name
   * the server's own origin as audience and the mounted authorization server as issuer).
   */
  verifier: Verifier | ((context: VerifierServerContext) => Verifier);
  /**
   * A mock authorization server to mount next to the verifier: its token endpoint, JWKS and
   * metadata paths are answered by it, without verification. A function gets the origin, to use
   * as the issuer.
   */
  authorizationServer?: AuthorizationServer | ((origin: string) => AuthorizationServer);
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  host?: string;
  /** Port (default 0: an ephemeral port chosen by the system). */
  port?: number;
  /**
   * Extra routes by exact path, answered before verification. Tests use them for fixtures such
   * as redirects; the verifier itself has none.
   */
  routes?: Readonly<Record<string, RequestHandler>>;
}

/** A running verifier server. */
export interface VerifierServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** The mounted authorization server, if any. */
  readonly authorizationServer: AuthorizationServer | undefined;
  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void>;
}

/**
 * Starts the verifier as a real HTTP server on loopback, for integration tests and the demo.
 *
 * @example
 * ```ts
 * const server = await startVerifierServer({ verifier });
 * await fetch(`${server.origin}/anything`);
 * await server.close();
 * ```
 */
export async function startVerifierServer(options: VerifierServerOptions): Promise<VerifierServer> {
  const host = options.host ?? '127.0.0.1';
  const routes = options.routes ?? {};
  let origin = '';
  let verify: RequestHandler = () => Promise.reject(new Error('the server is not ready'));
  let mounted: Readonly<Record<string, RequestHandler>> = {};
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.name : 'error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req, res, origin);
    if (request === undefined) return;
    const path = new URL(request.url).pathname;
    const route = routes[path] ?? mounted[path];
    await writeResponse(res, await (route ?? verify)(request));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const authorizationServer = typeof options.authorizationServer === 'function' ? options.authorizationServer(origin) : options.authorizationServer;
  if (authorizationServer !== undefined) {
    const handler: RequestHandler = (request) => authorizationServer.handle(request);
    mounted = Object.fromEntries(Object.values(authorizationServer.endpoints).map((url) => [new URL(url).pathname, handler]));
  }
  const verifier = typeof options.verifier === 'function' ? options.verifier({ origin, authorizationServer }) : options.verifier;
  verify = withResultHeaders(verifier);
  return {
    origin,
    port,
    authorizationServer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

// createVerifierHandler answers with the challenge only; a result may carry more headers (a DPoP
// nonce, RFC 9449 §9), so the server remembers each request's result and adds them.
function withResultHeaders(verifier: Verifier): RequestHandler {
  const results = new WeakMap<Request, VerificationResult>();
  const handle = createVerifierHandler({
    async verify(request, options) {
      const result = await verifier.verify(request, options);
      results.set(request, result);
      return result;
    },
  });
  return async (request) => {
    const response = await handle(request);
    const extra = results.get(request)?.headers;
    if (extra === undefined) return response;
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  };
}
