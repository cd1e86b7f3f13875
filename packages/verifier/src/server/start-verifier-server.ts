// Node-only: compiled with Node types (tsconfig.node.json), exported as @signet/verifier/server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifierHandler, type RequestHandler } from '../create-verifier-handler.js';
import type { Verifier } from '../create-verifier.js';

/** Options for {@link startVerifierServer}. */
export interface VerifierServerOptions {
  verifier: Verifier;
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
  const verify = createVerifierHandler(options.verifier);
  const routes = options.routes ?? {};
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.name : 'error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only origin-form targets ("/path?query"); the URL is built on the server's own origin,
    // never on the client's Host header.
    if (!req.url?.startsWith('/')) {
      res.statusCode = 400;
      res.end();
      return;
    }
    const request = await toRequest(req, new URL(`${origin}${req.url}`));
    const route = routes[new URL(request.url).pathname];
    const response = await (route ?? verify)(request);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    // Headers joins repeated Set-Cookie values, which cannot be joined; send each one.
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

async function toRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(url, { method, headers, body: body ?? null });
}
