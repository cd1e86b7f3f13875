// The mTLS block's servers: two TLS verifier servers on loopback that require a client
// certificate from the test CA (refusing with a 401 and a reason rather than a failed handshake,
// so a test can tell why). Only a verified certificate reaches a route: the TLS layer is the
// verifier here. Routes record arrivals by `case`, like the matrix's servers.
import { createVerifier } from '@signet/verifier';
import { startTlsVerifierServer, type TestPki, type TlsRequestHandler, type TlsVerifierServer } from '@signet/verifier/server';
import type { ArrivalLog } from './servers.js';

/** The home TLS server (certificate presented) and another origin (certificate not presented). */
export interface MtlsServers {
  readonly home: TlsVerifierServer;
  readonly other: TlsVerifierServer;
  close(): Promise<void>;
}

/** The API key the home TLS server also asks for on any path other than its routes (mTLS + API key). */
export const MTLS_API_KEY = { client: 'svc-a', key: 'sk_conformance_mtls_01', header: 'X-API-Key' } as const;

export async function startMtlsServers(pki: TestPki, log: ArrivalLog): Promise<MtlsServers> {
  const echo: TlsRequestHandler = async (request, client) => {
    const bodyBytes = (await request.arrayBuffer()).byteLength;
    log.record(request, bodyBytes);
    const url = new URL(request.url);
    return Response.json({ verified: true, scheme: 'mtls', identity: client.subject, reason: null, method: request.method, path: url.pathname, bodyBytes });
  };
  // /redirect?status=307&to=<url>
  const redirect: TlsRequestHandler = async (request) => {
    log.record(request, (await request.clone().arrayBuffer()).byteLength);
    const query = new URL(request.url).searchParams;
    return new Response(null, { status: Number(query.get('status')), headers: { location: query.get('to')! } });
  };
  const common = { cert: pki.server.cert, key: pki.server.key, ca: pki.ca, refuse: 'status' as const };
  const verifier = createVerifier({ apiKey: { clients: { [MTLS_API_KEY.client]: MTLS_API_KEY.key }, header: MTLS_API_KEY.header } });
  const home = await startTlsVerifierServer({ ...common, verifier, routes: { '/echo': echo, '/redirect': redirect } });
  const other = await startTlsVerifierServer({ ...common, routes: { '/echo': echo } });
  return {
    home,
    other,
    close: async () => void (await Promise.all([home.close(), other.close()])),
  };
}
