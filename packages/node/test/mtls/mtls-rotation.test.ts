import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpsRequest } from 'node:https';
import type { SignetEvent } from '@signet/core';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTlsVerifierServer, type TlsVerifierServer } from '@signet/verifier/server';
import { certificateFiles, mtls, type MtlsCredential } from '../../src/mtls/index.js';
import { createTestPki, type TestIdentity, type TestPki } from '@signet/verifier/server';

let pki: TestPki;
let server: TlsVerifierServer;
let client: MtlsCredential;
const events: SignetEvent[] = [];
let certPath: string;
let keyPath: string;

const install = (identity: TestIdentity): void => {
  copyFileSync(identity.certPath, certPath);
  copyFileSync(identity.keyPath, keyPath);
};

beforeAll(async () => {
  pki = createTestPki();
  certPath = join(pki.dir, 'live.crt');
  keyPath = join(pki.dir, 'live.key');
  install(pki.clientA);
  server = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca });
  client = mtls({ origins: server.origin, load: certificateFiles({ cert: certPath, key: keyPath, ca: pki.caPath }), onEvent: (e) => events.push(e) });
});
afterAll(async () => {
  await client.close();
  await server.close();
  pki.remove();
});

const seenByUndici = async (): Promise<string> => {
  const { body } = await undiciRequest(`${server.origin}/`, { dispatcher: client.dispatcher });
  return ((await body.json()) as { identity: string }).identity;
};
const seenByHttps = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const req = httpsRequest(`${server.origin}/`, { agent: client.httpsAgent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { identity: string }).identity));
    });
    req.on('error', reject);
    req.end();
  });

test('a certificate replaced on disk is used by the next connection, without a restart', async () => {
  // Twice each, so a pooled keep-alive connection (and a resumable TLS session) exists for client-a.
  expect([await seenByUndici(), await seenByUndici(), await seenByHttps(), await seenByHttps()]).toEqual(['CN=client-a', 'CN=client-a', 'CN=client-a', 'CN=client-a']);

  install(pki.clientB);
  const info = await client.reload();
  expect(info.subject).toBe('CN=client-b');
  expect(events).toContainEqual({ type: 'certificate.reloaded', subject: 'CN=client-b', notAfter: info.notAfter });
  // Neither the pooled connection nor a resumed session may carry client-a's identity now.
  expect([await seenByUndici(), await seenByHttps(), await seenByUndici(), await seenByHttps()]).toEqual(['CN=client-b', 'CN=client-b', 'CN=client-b', 'CN=client-b']);
});

test('a bad replacement is refused and the working certificate stays in use', async () => {
  install(pki.mismatched);
  await expect(client.reload()).rejects.toMatchObject({ code: 'certificate_invalid' });
  expect((await client.certificate()).subject).toBe('CN=client-b');
  expect(await seenByUndici()).toBe('CN=client-b');
  install(pki.expired);
  await expect(client.reload()).rejects.toMatchObject({ code: 'certificate_expired' });
  expect(await seenByHttps()).toBe('CN=client-b');
});
