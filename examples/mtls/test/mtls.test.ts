// Runs the mTLS example against the TLS verifier on loopback, with certificates made at test time.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { startTlsVerifierServer, type TlsVerifierServer } from '@signet/verifier/server';
import { createTestPki, type TestPki } from '@signet/verifier/server';
import { listInvoices, partnerClient, whoAmIWithAxios, whoAmIWithFetch, whoAmIWithHttps } from '../mtls.js';

let pki: TestPki;
let server: TlsVerifierServer;
beforeAll(async () => {
  pki = createTestPki();
  server = await startTlsVerifierServer({
    cert: pki.server.cert,
    key: pki.server.key,
    ca: pki.ca,
    verifier: createVerifier({ apiKey: { clients: { billing: 'k-123' } } }),
    routes: { '/whoami': async (_request, client) => Response.json({ identity: client.subject }) },
  });
});
afterAll(async () => {
  await server.close();
  pki.remove();
});

test('certificate and API key together; every client; rotation from files', async () => {
  const certPath = join(pki.dir, 'partner.crt');
  const keyPath = join(pki.dir, 'partner.key');
  copyFileSync(pki.clientA.certPath, certPath);
  copyFileSync(pki.clientA.keyPath, keyPath);
  const client = partnerClient({ origin: server.origin, certPath, keyPath, caPath: pki.caPath });

  expect(await listInvoices(client, server.origin, 'k-123')).toMatchObject({ verified: true, scheme: 'api-key', identity: 'billing', clientCertificate: { subject: 'CN=client-a' } });
  await expect(listInvoices(client, server.origin, 'wrong-key')).rejects.toThrow('HTTP 401');
  expect([await whoAmIWithFetch(client, server.origin), await whoAmIWithAxios(client, server.origin), await whoAmIWithHttps(client, server.origin)]).toEqual(['CN=client-a', 'CN=client-a', 'CN=client-a']);

  copyFileSync(pki.clientB.certPath, certPath);
  copyFileSync(pki.clientB.keyPath, keyPath);
  await client.reload();
  expect([await whoAmIWithFetch(client, server.origin), await whoAmIWithAxios(client, server.origin), await whoAmIWithHttps(client, server.origin)]).toEqual(['CN=client-b', 'CN=client-b', 'CN=client-b']);
  await client.close();
});
