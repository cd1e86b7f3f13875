// Shared fixtures for the loopback tests of both adapters: one verifier policy that accepts every
// scheme, a credential per scheme, every body kind, and a TLS server for https→http.
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { apiKey, basic, type Credential } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { httpSignature } from '@signet/core/http-signatures';
import { oauth1 } from '@signet/core/oauth1';
import { webhook } from '@signet/core/webhooks';
import type { VerifierPolicy } from '@signet/verifier';
import { createTestPki } from '@signet/verifier/server';

// Test-only secrets. CANARY is in every credential, so a test can look for it in errors.
export const CANARY = 'canary-5e3c7b1d';
const KEY = `sk_${CANARY}_key`;
const PASSWORD = `pw-${CANARY}`;
const HMAC_SECRET = `hmac-${CANARY}-0123456789abcdef`;
const SIG_SECRET = `sig-${CANARY}-0123456789abcdef`;
const WEBHOOK_SECRET = `whsec_${Buffer.from(`webhook-${CANARY}-32-bytes-long!!`).toString('base64')}`;
const OAUTH = { consumerKey: 'printer', consumerSecret: `cs-${CANARY}`, token: 'jane', tokenSecret: `ts-${CANARY}` };

export const policy: VerifierPolicy = {
  apiKey: { clients: { 'svc-a': KEY }, header: 'X-API-Key' },
  basic: { users: { zoë: PASSWORD } },
  hmac: { keys: { 'partner-42': HMAC_SECRET } },
  httpSignature: { keys: { gateway: { algorithm: 'hmac-sha256', key: SIG_SECRET } } },
  oauth1: { consumers: { printer: OAUTH.consumerSecret }, tokens: { jane: OAUTH.tokenSecret } },
  webhook: { senders: { billing: WEBHOOK_SECRET } },
};

/** One credential per scheme the verifier checks, and who it should say we are. */
export const schemes: readonly { name: string; identity: string; make: () => Credential }[] = [
  { name: 'api-key', identity: 'svc-a', make: () => apiKey({ key: KEY, header: 'X-API-Key' }) },
  { name: 'basic', identity: 'zoë', make: () => basic({ username: 'zoë', password: PASSWORD }) },
  { name: 'hmac', identity: 'partner-42', make: () => hmac({ keyId: 'partner-42', secret: HMAC_SECRET }) },
  { name: 'http-signature', identity: 'gateway', make: () => httpSignature({ keyId: 'gateway', algorithm: 'hmac-sha256', key: SIG_SECRET }) },
  { name: 'oauth1', identity: 'printer', make: () => oauth1({ ...OAUTH, bodyHash: true }) },
  { name: 'webhook', identity: 'billing', make: () => webhook({ secrets: WEBHOOK_SECRET }) },
];

export const apiKeyCredential = (): Credential => apiKey({ key: KEY, header: 'X-API-Key' });
export const hmacCredential = (): Credential => hmac({ keyId: 'partner-42', secret: HMAC_SECRET });

/** A body kind: how to make it fresh (a stream is one-shot), its content type, its length. */
export interface BodyKind {
  readonly name: string;
  readonly make: () => string | Uint8Array | Readable | undefined;
  readonly contentType?: string;
  readonly bytes: number;
}

const BYTES = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
export const bodyKinds: readonly BodyKind[] = [
  { name: 'none', make: () => undefined, bytes: 0 },
  { name: 'string', make: () => 'plain text, ünïcode ✓', contentType: 'text/plain;charset=UTF-8', bytes: Buffer.byteLength('plain text, ünïcode ✓') },
  { name: 'bytes', make: () => BYTES, contentType: 'application/octet-stream', bytes: 300 },
  { name: 'JSON string', make: () => '{"sku":"A-1","qty":2}', contentType: 'application/json', bytes: 21 },
  { name: 'form', make: () => 'status=Hello+Ladies+%2B+Gentlemen&a=%7E', contentType: 'application/x-www-form-urlencoded', bytes: 39 },
  { name: 'stream', make: () => Readable.from([Buffer.from('streamed '), Buffer.from('in three '), Buffer.from('chunks')]), bytes: 24 },
];

// A server certificate for 127.0.0.1 from a throwaway CA, made with openssl when the tests load:
// no private key is committed. Clients trust `ca`.
const pki = createTestPki();
export const loopbackTls = { cert: pki.server.cert, key: pki.server.key, ca: pki.ca };
pki.remove();

/** An https server on loopback that redirects every request to `to` (a self-signed test certificate). */
export async function startHttpsRedirector(to: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createHttpsServer(loopbackTls, (req, res) => {
    req.resume();
    res.writeHead(307, { location: to() }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** A 401 with an HMAC clock-skew challenge 10 minutes ahead: the loop re-sends once, never more. */
export const alwaysSkewed = (counter: { count: number }) => async (): Promise<Response> => {
  counter.count++;
  const serverTime = Math.floor(Date.now() / 1000) + 600;
  return new Response(null, { status: 401, headers: { 'www-authenticate': `HMAC-SHA256 error="timestamp_skew", server_time="${serverTime}"` } });
};

/** A route that redirects to its `to` query parameter. */
export const redirectTo = (status: number) => async (request: Request): Promise<Response> =>
  new Response(null, { status, headers: { location: new URL(request.url).searchParams.get('to')! } });
