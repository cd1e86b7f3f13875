// A client certificate plus an API key to a partner, through undici, fetch, node:https and axios,
// with rotation from files. Run it with API_ORIGIN and the certificate paths set.
import { request as httpsRequest } from 'node:https';
import { apiKey, combine } from '@signet/core';
import { authInterceptor, certificateFiles, mtls, type MtlsCredential, mtlsError } from '@signet/node';
import axios from 'axios';
import { request } from 'undici';

export interface PartnerTls {
  readonly origin: string;
  readonly certPath: string;
  readonly keyPath: string;
  /** The partner's server CA, when it is not a public one. */
  readonly caPath?: string;
}

/** One client per process: the certificate is re-read from disk by `reload()` (call it on SIGHUP). */
export function partnerClient({ origin, certPath, keyPath, caPath }: PartnerTls): MtlsCredential {
  return mtls({
    origins: origin,
    load: certificateFiles({ cert: certPath, key: keyPath, ca: caPath }),
    onEvent: (event) => console.log(`[mtls] ${event.type}`, event),
  });
}

/** undici: the certificate on the connection, the API key on the request (combine + authInterceptor). */
export async function listInvoices(client: MtlsCredential, origin: string, key: string): Promise<unknown> {
  const dispatcher = client.dispatcher.compose(authInterceptor(combine(client, apiKey({ key })), { origins: origin }));
  const { statusCode, body } = await request(`${origin}/invoices`, { dispatcher });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`the partner refused: HTTP ${statusCode}`);
  }
  return body.json();
}

/** Node's global fetch takes the same dispatcher (it is an undici@7 dispatcher; Node 20 accepts it). */
export async function whoAmIWithFetch(client: MtlsCredential, origin: string): Promise<string> {
  try {
    const response = await fetch(`${origin}/whoami`, { dispatcher: client.dispatcher } as RequestInit);
    return ((await response.json()) as { identity: string }).identity;
  } catch (error) {
    // certificate_expired before connecting, or the server's TLS alert, as one typed error.
    throw mtlsError(error) ?? error;
  }
}

/** axios: the agent goes in `httpsAgent`. */
export async function whoAmIWithAxios(client: MtlsCredential, origin: string): Promise<string> {
  return (await axios.get<{ identity: string }>(`${origin}/whoami`, { httpsAgent: client.httpsAgent })).data.identity;
}

/** node:https: the agent goes in `agent`. */
export function whoAmIWithHttps(client: MtlsCredential, origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${origin}/whoami`, { agent: client.httpsAgent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { identity: string }).identity));
    });
    req.on('error', (error) => reject(mtlsError(error) ?? error));
    req.end();
  });
}
