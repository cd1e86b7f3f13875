import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { startTlsVerifierServer, type TlsVerifierServer } from '@signet/verifier/server';
// The throwaway PKI (openssl CLI, temp dir) is shared with the client-side mTLS tests.
import { createTestPki, type TestIdentity, type TestPki } from '@signet/verifier/server';

let pki: TestPki;
let plain: TlsVerifierServer;
let withApiKey: TlsVerifierServer;

beforeAll(async () => {
  pki = createTestPki();
  plain = await startTlsVerifierServer({
    cert: pki.server.cert,
    key: pki.server.key,
    ca: pki.ca,
    routes: { '/whoami': async (request, client) => new Response(`${new URL(request.url).pathname} ${client.subject} ${client.thumbprint}`) },
  });
  withApiKey = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, verifier: createVerifier({ apiKey: { clients: { billing: 'k-123' } } }) });
});
afterAll(async () => {
  await Promise.all([plain.close(), withApiKey.close()]);
  pki.remove();
});

function get(url: string, identity: TestIdentity | undefined, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const tls = identity === undefined ? {} : { cert: identity.cert, key: identity.key };
    const req = httpsRequest(url, { ca: pki.ca, agent: false, headers, ...tls }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startTlsVerifierServer', () => {
  test('answers with the verified subject and its x5t#S256 as the identity', async () => {
    const { status, text } = await get(`${plain.origin}/a`, pki.clientA);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      verified: true,
      scheme: 'mtls',
      identity: 'CN=client-a',
      reason: null,
      method: 'GET',
      path: '/a',
      clientCertificate: { subject: 'CN=client-a', issuer: 'CN=Signet Test CA', serialNumber: expect.stringMatching(/^[0-9A-F]+$/), thumbprint: pki.thumbprint(pki.clientA.certPath) },
    });
  });

  test('routes receive the certificate', async () => {
    expect((await get(`${plain.origin}/whoami`, pki.clientB)).text).toBe(`/whoami CN=client-b ${pki.thumbprint(pki.clientB.certPath)}`);
  });

  test('refuses in the handshake: none, another CA, expired', async () => {
    for (const identity of [undefined, pki.wrongCa, pki.expired]) await expect(get(`${plain.origin}/`, identity)).rejects.toThrow();
  });

  test('runs the normal verifier behind the certificate check', async () => {
    const refused = await get(`${withApiKey.origin}/`, pki.clientA);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toMatchObject({ verified: false, reason: 'missing_credentials', clientCertificate: { subject: 'CN=client-a' } });
    const accepted = await get(`${withApiKey.origin}/`, pki.clientA, { authorization: 'ApiKey k-123' });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.text)).toMatchObject({ verified: true, scheme: 'api-key', identity: 'billing', clientCertificate: { subject: 'CN=client-a' } });
    // The API key alone does not get past the TLS layer.
    await expect(get(`${withApiKey.origin}/`, undefined, { authorization: 'ApiKey k-123' })).rejects.toThrow();
  });

  test("refuse: 'status' answers 401 with the reason instead", async () => {
    const lenient = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, refuse: 'status' });
    const reasons = await Promise.all([undefined, pki.wrongCa, pki.expired].map(async (identity) => JSON.parse((await get(`${lenient.origin}/`, identity)).text).reason as string));
    expect(reasons).toEqual(['certificate_required', 'unknown_ca', 'certificate_expired']);
    await lenient.close();
    await expect(startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, refuse: 'never' as never })).rejects.toMatchObject({ field: 'refuse' });
  });
});
