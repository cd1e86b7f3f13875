import { request as httpsRequest } from 'node:https';
import axios from 'axios';
import { Agent, request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mtls, type MtlsCredential } from '../../src/mtls/index.js';
import { createTestPki, type TestIdentity, type TestPki } from '@signet/verifier/server';
import { type Nginx, startNginx } from './support/start-nginx.js';

// The same certificates against an independent, widely deployed server (nginx from Debian).
let pki: TestPki;
let nginx: Nginx;
let client: MtlsCredential;

beforeAll(async () => {
  pki = createTestPki();
  nginx = await startNginx(pki);
  client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, ca: pki.ca, origins: nginx.origin });
});
afterAll(async () => {
  await client?.close();
  await nginx?.stop();
  pki?.remove();
});

const withIdentity = async (identity: TestIdentity | undefined): Promise<{ status: number; text: string }> => {
  const agent = new Agent({ connect: { ca: pki.ca, ...(identity && { cert: identity.cert, key: identity.key }) } });
  const { statusCode, body } = await undiciRequest(`${nginx.origin}/`, { dispatcher: agent });
  const text = await body.text();
  await agent.close();
  return { status: statusCode, text };
};

describe('nginx with ssl_verify_client on', () => {
  test('accepts the client certificate through each of the agents mtls() makes', async () => {
    const viaFetch = await fetch(`${nginx.origin}/`, { dispatcher: client.dispatcher } as RequestInit);
    expect([viaFetch.status, await viaFetch.text()]).toEqual([200, 'CN=client-a']);
    const viaUndici = await undiciRequest(`${nginx.origin}/`, { dispatcher: client.dispatcher });
    expect(await viaUndici.body.text()).toBe('CN=client-a');
    expect((await axios.get<string>(`${nginx.origin}/`, { httpsAgent: client.httpsAgent, responseType: 'text' })).data).toBe('CN=client-a');
    const viaHttps = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(`${nginx.origin}/`, { agent: client.httpsAgent }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(viaHttps).toBe('CN=client-a');
  });

  test('refuses none, another CA and expired, each with its own answer', async () => {
    expect(await withIdentity(undefined)).toMatchObject({ status: 400, text: expect.stringContaining('No required SSL certificate was sent') });
    expect(await withIdentity(pki.wrongCa)).toMatchObject({ status: 400, text: expect.stringContaining('The SSL certificate error') });
    expect(await withIdentity(pki.expired)).toMatchObject({ status: 400, text: expect.stringContaining('The SSL certificate error') });
    expect(await withIdentity(pki.clientB)).toEqual({ status: 200, text: 'CN=client-b' });
    // The page is the same for both; nginx's log tells them apart (OpenSSL's verify errors 21 and 10).
    expect(nginx.errorLog()).toContain('client SSL certificate verify error: (21:unable to verify the first certificate)');
    expect(nginx.errorLog()).toContain('client SSL certificate verify error: (10:certificate has expired)');
  });
});
