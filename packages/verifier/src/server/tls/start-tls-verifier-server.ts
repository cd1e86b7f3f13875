// Node-only: compiled with Node types (tsconfig.node.json), exported as @signet/verifier/server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SignetConfigError } from '@signet/core';
import { createVerifierHandler } from '../../create-verifier-handler.js';
import type { Verifier } from '../../create-verifier.js';
import { readRequest, writeResponse } from '../node-bridge.js';
import { type ClientCertificate, clientCertificate, clientCertificateFailure } from './client-certificate.js';

/** A route of the TLS server: the request, and the verified certificate it came with. */
export type TlsRequestHandler = (request: Request, client: ClientCertificate) => Promise<Response>;

/** Options for {@link startTlsVerifierServer}. PEM text or bytes, as `node:tls` takes them. */
export interface TlsVerifierServerOptions {
  /** The server's certificate (with its chain) and key. */
  cert: string | Uint8Array;
  key: string | Uint8Array;
  /** The CAs client certificates must chain to. Nothing else is accepted. */
  ca: string | Uint8Array | readonly (string | Uint8Array)[];
  /** When given, requests must also pass this verifier (mTLS plus Bearer, API key, …). */
  verifier?: Verifier;
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  host?: string;
  /** Port (default 0: an ephemeral port). */
  port?: number;
  /**
   * How a missing or unverifiable certificate is refused. `'handshake'` (default): the TLS
   * handshake fails, as most production servers do; the client sees a TLS alert, or, in TLS 1.3
   * where its side of the handshake is already done, often only a closed connection. `'status'`:
   * the handshake completes and each request gets 401 with a JSON `reason` (`certificate_required`,
   * `certificate_expired`, `unknown_ca`, `certificate_invalid`), as nginx answers 400: for
   * tests and diagnostics that must tell the failures apart.
   */
  refuse?: 'handshake' | 'status';
  /** Extra routes by exact path, answered before verification, with the client certificate. */
  routes?: Readonly<Record<string, TlsRequestHandler>>;
}

/** A running TLS verifier server. */
export interface TlsVerifierServer {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTPS server on loopback that requires a client certificate signed by `ca` (the
 * handshake fails otherwise, with the TLS alert OpenSSL chooses: `certificate_required`,
 * `unknown_ca`, `certificate_expired`), and answers with the verified subject and the RFC 8705
 * `x5t#S256` thumbprint. With a `verifier`, the request must pass it as well, and the JSON report
 * of {@link createVerifierHandler} gains a `clientCertificate` field.
 *
 * @example
 * ```ts
 * const server = await startTlsVerifierServer({ cert, key, ca: clientCa });
 * // 200 {"verified":true,"scheme":"mtls","identity":"CN=client-a",…,"clientCertificate":{…}}
 * ```
 */
export async function startTlsVerifierServer(options: TlsVerifierServerOptions): Promise<TlsVerifierServer> {
  const host = options.host ?? '127.0.0.1';
  const { verifier } = options;
  const routes = options.routes ?? {};
  let origin = '';
  const ca = (Array.isArray(options.ca) ? options.ca : [options.ca]).map(bytes);
  const refuse = options.refuse ?? 'handshake';
  if (refuse !== 'handshake' && refuse !== 'status') throw new SignetConfigError('refuse', "must be 'handshake' or 'status'");
  // requestCert + rejectUnauthorized: an absent or unverifiable certificate ends the handshake.
  const tls = { cert: bytes(options.cert), key: bytes(options.key), ca, requestCert: true, rejectUnauthorized: refuse === 'handshake' };
  const server = createServer(tls, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.name : 'error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket as TLSSocket;
    const client = clientCertificate(socket);
    if (client === undefined) {
      // Only reachable with refuse: 'status' (the handshake refuses otherwise): fail closed.
      const reason = clientCertificateFailure(socket) ?? 'certificate_invalid';
      res.writeHead(401, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ verified: false, scheme: 'mtls', identity: null, reason }));
      return;
    }
    const request = await readRequest(req, res, origin);
    if (request === undefined) return;
    const route = routes[new URL(request.url).pathname];
    await writeResponse(res, route !== undefined ? await route(request, client) : await answer(request, client));
  }

  async function answer(request: Request, client: ClientCertificate): Promise<Response> {
    // The report names the certificate; its DER bytes stay out of it.
    const { subject, issuer, serialNumber, thumbprint } = client;
    const clientCertificate = { subject, issuer, serialNumber, thumbprint };
    if (verifier === undefined) {
      const url = new URL(request.url);
      const report = { verified: true, scheme: 'mtls', identity: subject, reason: null, method: request.method, path: url.pathname, clientCertificate };
      return Response.json(report, { headers: { 'cache-control': 'no-store' } });
    }
    // RFC 8705 §3: the verifier checks certificate-bound tokens against this connection's certificate.
    const bound: Verifier = { verify: (req, verifyOptions) => verifier.verify(req, { ...verifyOptions, clientCertificate: client.der }) };
    const response = await createVerifierHandler(bound)(request);
    const report = (await response.json()) as Record<string, unknown>;
    return Response.json({ ...report, clientCertificate }, { status: response.status, headers: response.headers });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function bytes(data: string | Uint8Array): string | Buffer {
  return typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
