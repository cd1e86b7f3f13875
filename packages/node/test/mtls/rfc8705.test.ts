// RFC 8705 certificate-bound access tokens, end to end over real mTLS: the mock authorization
// server binds the token to the certificate it saw, and the resource accepts it only over a
// connection with that same certificate.
import { request } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAuthorizationServer, createVerifier } from '@signet/verifier';
import { startTlsVerifierServer, type TlsVerifierServer } from '@signet/verifier/server';
import { mtls, type MtlsCredential } from '../../src/mtls/index.js';
import { createTestPki, type TestPki } from '@signet/verifier/server';

let pki: TestPki;
let server: TlsVerifierServer;
let clientA: MtlsCredential;
let clientB: MtlsCredential;

beforeAll(async () => {
  pki = createTestPki();
  // The token endpoint is matched by path, so the issuer's host need not be the server's.
  const as = createAuthorizationServer({ issuer: 'https://as.example', audience: 'https://api.example', clients: { billing: { secret: 'billing-secret-0123456789' } } });
  server = await startTlsVerifierServer({
    cert: pki.server.cert,
    key: pki.server.key,
    ca: pki.ca,
    verifier: createVerifier({ bearer: { issuers: [as], audience: 'https://api.example' } }),
    routes: { '/token': (req, client) => as.handle(req, { clientCertificate: client.der }) },
  });
  clientA = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: server.origin });
  clientB = mtls({ cert: pki.clientB.cert, key: pki.clientB.key, ca: pki.ca, origins: server.origin });
});
afterAll(async () => {
  await Promise.all([clientA.close(), clientB.close()]);
  await server.close();
  pki.remove();
});

test('a token issued over client-a’s connection carries its x5t#S256 and works only with client-a', async () => {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'billing', client_secret: 'billing-secret-0123456789' });
  const issued = await request(`${server.origin}/token`, { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, dispatcher: clientA.dispatcher });
  expect(issued.statusCode).toBe(200);
  const { access_token: token } = (await issued.body.json()) as { access_token: string };
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { cnf?: unknown };
  expect(claims.cnf).toEqual({ 'x5t#S256': pki.thumbprint(pki.clientA.certPath) });

  const call = async (client: MtlsCredential) => {
    const { statusCode, body } = await request(`${server.origin}/invoices`, { headers: { authorization: `Bearer ${token}` }, dispatcher: client.dispatcher });
    return { status: statusCode, body: (await body.json()) as { verified: boolean; reason: string | null } };
  };
  expect(await call(clientA)).toMatchObject({ status: 200, body: { verified: true } });
  // Same CA, valid certificate, stolen token: refused (RFC 8705 §3).
  expect(await call(clientB)).toMatchObject({ status: 401, body: { verified: false } });
});
