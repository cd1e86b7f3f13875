// The cross-adapter conformance suite: every adapter × every scheme × every case, against the
// real verifier server on loopback (two origins) and a throwaway https server. One table each;
// the last test checks the matrix really ran in full, so a skipped adapter fails the run.
import type { Credential, SendLoopOptions } from '@signet/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADAPTERS, EXPECTED_ADAPTERS } from './adapters/all.js';
import { CASES } from './cases/all.js';
import type { CaseContext } from './cases/case.js';
import { SCHEMES } from './support/schemes.js';
import { type ConformanceServers, startConformanceServers } from './support/servers.js';
import { makeThrowawayCert } from './support/tls.js';

const tls = makeThrowawayCert();
let servers: ConformanceServers;
beforeAll(async () => {
  servers = await startConformanceServers(tls);
});
afterAll(async () => {
  await servers.close();
});

const ran = new Map<string, number>();
let nextId = 0;

function contextFor(driver: (typeof ADAPTERS)[number], scheme: (typeof SCHEMES)[number]): CaseContext {
  const id = `c${++nextId}`;
  const sleeps: number[] = [];
  const tokenRequestsBefore = servers.tokenRequests();
  const credential = () => scheme.credential(servers.schemeServers);
  return {
    driver,
    scheme,
    servers,
    id,
    sleeps,
    credential,
    client(options: Partial<SendLoopOptions> = {}, using: Credential = credential()) {
      const retry = options.retry === false ? false : { sleep: async (ms: number) => void sleeps.push(ms), ...options.retry };
      return driver.client(using, { origins: [servers.home.origin, servers.tlsOrigin], ...options, retry }, { ca: tls.cert });
    },
    url(path, params = {}, origin = servers.home.origin) {
      const url = new URL(path, origin);
      url.search = new URLSearchParams({ case: id, ...params }).toString();
      return url.href;
    },
    arrivals: () => servers.log.of(id),
    tokenRequests: () => servers.tokenRequests() - tokenRequestsBefore,
  };
}

describe.each(ADAPTERS.map((driver) => [driver.name, driver] as const))('%s', (_name, driver) => {
  describe.each(SCHEMES.map((scheme) => [scheme.name, scheme] as const))('%s', (_scheme, scheme) => {
    test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_case, conformanceCase) => {
      await conformanceCase.run(contextFor(driver, scheme));
      ran.set(driver.name, (ran.get(driver.name) ?? 0) + 1);
    });
  });
});

test('the matrix ran in full: adapters × schemes × cases', () => {
  const perAdapter = SCHEMES.length * CASES.length;
  const total = [...ran.values()].reduce((a, b) => a + b, 0);
  console.log(
    `conformance matrix: ${ADAPTERS.length} adapters (${ADAPTERS.map((a) => a.name).join(', ')}) × ${SCHEMES.length} schemes × ${CASES.length} cases = ${ADAPTERS.length * perAdapter}; passed ${total}`,
  );
  expect(ADAPTERS.map((a) => a.name)).toEqual(EXPECTED_ADAPTERS);
  expect(Object.fromEntries(ran)).toEqual(Object.fromEntries(EXPECTED_ADAPTERS.map((name) => [name, perAdapter])));
});
