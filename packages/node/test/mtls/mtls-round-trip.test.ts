import { request as httpsRequest } from 'node:https';
import axios from 'axios';
import { fetch as undiciFetch, request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTlsVerifierServer, type TlsVerifierServer } from '@signet/verifier/server';
import { mtls, type MtlsCredential, mtlsError, MtlsHandshakeError } from '../../src/mtls/index.js';
import { createTestPki, type TestPki } from '@signet/verifier/server';

let pki: TestPki;
let server: TlsVerifierServer;
let client: MtlsCredential;

beforeAll(async () => {
  pki = createTestPki();
  server = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca });
  client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: server.origin });
});
afterAll(async () => {
  await client.close();
  await server.close();
  pki.remove();
});

interface Report {
  identity: string;
  scheme: string;
  clientCertificate: { subject: string; thumbprint: string };
}

/** node:https, promisified: status and parsed body. */
function viaHttps(url: string, options: Parameters<typeof httpsRequest>[1]): Promise<{ status: number; body: Report }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, options, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Report }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a valid client certificate, through every client', () => {
  test("Node 20's global fetch takes the undici@7 dispatcher", async () => {
    const response = await fetch(`${server.origin}/fetch`, { dispatcher: client.dispatcher } as RequestInit);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Report;
    expect(body).toMatchObject({ scheme: 'mtls', identity: 'CN=client-a' });
    // The server's view of the certificate is the one openssl made: same x5t#S256.
    expect(body.clientCertificate.thumbprint).toBe(pki.thumbprint(pki.clientA.certPath));
  });

  test("undici's own fetch", async () => {
    const response = await undiciFetch(`${server.origin}/undici-fetch`, { dispatcher: client.dispatcher });
    expect(((await response.json()) as Report).identity).toBe('CN=client-a');
  });

  test('undici.request', async () => {
    const { statusCode, body } = await undiciRequest(`${server.origin}/undici-request`, { dispatcher: client.dispatcher });
    expect(statusCode).toBe(200);
    expect(((await body.json()) as Report).identity).toBe('CN=client-a');
  });

  test('node:https with the agent', async () => {
    const { status, body } = await viaHttps(`${server.origin}/https`, { agent: client.httpsAgent });
    expect(status).toBe(200);
    expect(body.identity).toBe('CN=client-a');
  });

  test('axios with httpsAgent', async () => {
    const response = await axios.get<Report>(`${server.origin}/axios`, { httpsAgent: client.httpsAgent });
    expect(response.data.identity).toBe('CN=client-a');
  });

  test('PKCS#12 and an encrypted key work too', async () => {
    const { readFileSync } = await import('node:fs');
    const fromPfx = mtls({ pfx: readFileSync(pki.clientAPfxPath), passphrase: 'p12-password', ca: pki.ca, origins: server.origin });
    const fromEncrypted = mtls({ cert: pki.clientA.cert, key: pki.clientAEncryptedKey, passphrase: 'key-password', ca: pki.ca, origins: server.origin });
    for (const credential of [fromPfx, fromEncrypted]) {
      const { body } = await undiciRequest(`${server.origin}/`, { dispatcher: credential.dispatcher });
      expect(((await body.json()) as Report).identity).toBe('CN=client-a');
      await credential.close();
    }
  });
});

describe('refusals the caller can tell apart', () => {
  // A server that refuses in the handshake (the default) gives the client a TLS alert or, in
  // TLS 1.3 where the client's side of the handshake is already over, often only a closed
  // connection. This one completes the handshake and answers 401 with the reason, as nginx
  // answers 400, so each case is asserted exactly.
  let strict: TlsVerifierServer;
  beforeAll(async () => {
    strict = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, refuse: 'status' });
  });
  afterAll(() => strict.close());

  const reasonFor = async (options: Parameters<typeof httpsRequest>[1]): Promise<{ status: number; reason: unknown }> => {
    const { status, body } = await viaHttps(`${strict.origin}/`, { ...options, agent: false });
    return { status, reason: (body as unknown as { reason: unknown }).reason };
  };

  test('none, another CA, expired: three reasons; the valid one passes', async () => {
    expect(await reasonFor({ ca: pki.ca })).toEqual({ status: 401, reason: 'certificate_required' });
    expect(await reasonFor({ ca: pki.ca, cert: pki.wrongCa.cert, key: pki.wrongCa.key })).toEqual({ status: 401, reason: 'unknown_ca' });
    expect(await reasonFor({ ca: pki.ca, cert: pki.expired.cert, key: pki.expired.key })).toEqual({ status: 401, reason: 'certificate_expired' });
    expect(await reasonFor({ ca: pki.ca, cert: pki.clientA.cert, key: pki.clientA.key })).toEqual({ status: 200, reason: null });
  });

  test('the handshake-refusing server refuses the same three (the connection fails)', async () => {
    const stranger = mtls({ cert: pki.wrongCa.cert, key: pki.wrongCa.key, ca: pki.ca, origins: server.origin });
    const { Agent } = await import('undici');
    const anonymous = new Agent({ connect: { ca: pki.ca } });
    await expect(undiciRequest(`${server.origin}/`, { dispatcher: anonymous })).rejects.toThrow();
    await expect(undiciRequest(`${server.origin}/`, { dispatcher: stranger.dispatcher })).rejects.toThrow();
    await expect(viaHttps(`${server.origin}/`, { cert: pki.expired.cert, key: pki.expired.key, ca: pki.ca, agent: false })).rejects.toThrow();
    await Promise.all([stranger.close(), anonymous.close()]);
  });

  test('an expired certificate through mtls(): certificate_expired before any connection', async () => {
    let now = Date.now();
    const aging = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: server.origin, now: () => now });
    now += 3 * 24 * 60 * 60 * 1000; // past the two-day validity
    for (const attempt of [
      () => undiciRequest(`${server.origin}/`, { dispatcher: aging.dispatcher }),
      () => fetch(`${server.origin}/`, { dispatcher: aging.dispatcher } as RequestInit),
      () => viaHttps(`${server.origin}/`, { agent: aging.httpsAgent }),
      () => axios.get(`${server.origin}/`, { httpsAgent: aging.httpsAgent }),
    ]) {
      const error = await attempt().then(() => undefined, (e: unknown) => e);
      expect(mtlsError(error)).toMatchObject({ code: 'certificate_expired', scheme: 'mtls' });
      expect(mtlsError(error)).not.toBeInstanceOf(MtlsHandshakeError);
    }
    await aging.close();
  });
});

describe('origins', () => {
  test('the certificate is not shown to an origin it was not configured for', async () => {
    const strict = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, refuse: 'status' });
    const elsewhere = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: 'https://api.example.com' });
    const { body } = await undiciRequest(`${strict.origin}/`, { dispatcher: elsewhere.dispatcher });
    expect(await body.json()).toMatchObject({ reason: 'certificate_required' });
    const viaAgent = await viaHttps(`${strict.origin}/`, { agent: elsewhere.httpsAgent });
    expect(viaAgent).toMatchObject({ status: 401, body: { reason: 'certificate_required' } });
    // The same client, configured for this origin, presents it.
    const here = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: strict.origin });
    expect((await viaHttps(`${strict.origin}/`, { agent: here.httpsAgent })).body.identity).toBe('CN=client-a');
    await Promise.all([elsewhere.close(), here.close(), strict.close()]);
  });
});
