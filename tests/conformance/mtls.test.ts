// The mTLS block of the conformance suite: every adapter × the mTLS cases that apply to a
// connection-level credential (cases/mtls.ts says which and why), against two TLS verifier
// servers on loopback. Like the matrix, the last test checks every case ran for every adapter.
import { createTestPki } from '@signet/verifier/server';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ADAPTERS, EXPECTED_ADAPTERS } from './adapters/all.js';
import { caseCredential, MTLS_CASES, type MtlsCaseContext, mtlsCredential } from './cases/mtls.js';
import { type MtlsServers, startMtlsServers } from './support/mtls-servers.js';
import { ArrivalLog } from './support/servers.js';

// A throwaway CA made with the openssl CLI now; nothing is committed.
const pki = createTestPki();
const log = new ArrivalLog();
let servers: MtlsServers;
beforeAll(async () => {
  servers = await startMtlsServers(pki, log);
});
afterAll(async () => {
  await servers.close();
  pki.remove();
});

let open: MtlsCaseContext['made'] = [];
afterEach(async () => {
  await Promise.all(open.map((certificate) => certificate.close()));
  open = [];
});

const ran = new Map<string, number>();
let nextId = 0;

function contextFor(driver: (typeof ADAPTERS)[number]): MtlsCaseContext {
  const id = `m${++nextId}`;
  const made: MtlsCaseContext['made'] = [];
  open = made;
  return {
    driver,
    pki,
    servers,
    made,
    client({ certificate = 'client-a', credential } = {}) {
      const home = servers.home.origin;
      const presented = certificate === 'none' ? undefined : mtlsCredential(pki, certificate, home);
      if (presented) made.push(presented);
      // Without a certificate, the client still trusts the test CA (and presents nothing).
      return driver.client(caseCredential(presented, credential), { origins: home, retry: false }, { ca: pki.ca, ...(presented && { transport: presented }) });
    },
    url(path, params = {}, origin = servers.home.origin) {
      const url = new URL(path, origin);
      url.search = new URLSearchParams({ case: id, ...params }).toString();
      return url.href;
    },
    arrivals: () => log.of(id),
  };
}

describe.each(ADAPTERS.map((driver) => [driver.name, driver] as const))('%s: mtls', (_name, driver) => {
  test.each(MTLS_CASES.map((c) => [c.name, c] as const))('%s', async (_case, mtlsCase) => {
    await mtlsCase.run(contextFor(driver));
    ran.set(driver.name, (ran.get(driver.name) ?? 0) + 1);
  });
});

test('the mTLS block ran in full: adapters × cases', () => {
  const total = [...ran.values()].reduce((a, b) => a + b, 0);
  console.log(`conformance mTLS block: ${ADAPTERS.length} adapters × ${MTLS_CASES.length} cases = ${ADAPTERS.length * MTLS_CASES.length}; passed ${total}`);
  expect(Object.fromEntries(ran)).toEqual(Object.fromEntries(EXPECTED_ADAPTERS.map((name) => [name, MTLS_CASES.length])));
});
