import { combine, type Credential, SignetError } from '@signet/core';
import { mtls, type MtlsCredential } from '@signet/node';
import { createAuthorizationServer, createVerifier } from '@signet/verifier';
import { createTestPki, startTlsVerifierServer, startVerifierServer, type TestPki } from '@signet/verifier/server';
import { type DemoAdapter, demoAdapters } from './demo-adapters.js';
import type { DemoRow } from './demo-row.js';
import { type DemoServers, demoAuthorizationServer, demoPolicy, type Scenario, scenarios } from './scenarios.js';

/**
 * Starts the verifier server on loopback (with the mock authorization server mounted next to it)
 * and a TLS verifier that requires client certificates, sends every scenario through every
 * adapter, and returns one row each.
 */
export async function runDemo(): Promise<DemoRow[]> {
  const server = await startVerifierServer({
    authorizationServer: (origin) => createAuthorizationServer(demoAuthorizationServer(origin)),
    verifier: ({ origin, authorizationServer }) => createVerifier(demoPolicy({ origin, authorizationServer: authorizationServer! })),
  });
  // A throwaway CA made with the openssl CLI now; the TLS verifier trusts it and no other.
  const pki = createTestPki();
  const servers: DemoServers = { origin: server.origin, authorizationServer: server.authorizationServer! };
  const tls = await startTlsVerifierServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca, verifier: createVerifier(demoPolicy(servers)), refuse: 'status' });
  const certificates: MtlsCredential[] = [];
  try {
    const rows: DemoRow[] = [];
    for (const adapter of demoAdapters) {
      for (const scenario of scenarios) {
        const origin = scenario.certificate === undefined ? server.origin : tls.origin;
        const certificate = scenario.certificate === undefined ? undefined : clientCertificate(pki, scenario.certificate, origin);
        if (certificate) certificates.push(certificate);
        rows.push(await send(adapter, scenario, origin, servers, certificate));
      }
    }
    return rows;
  } finally {
    await Promise.all(certificates.map((certificate) => certificate.close()));
    await tls.close();
    await server.close();
    pki.remove();
  }
}

async function send(adapter: DemoAdapter, scenario: Scenario, origin: string, servers: DemoServers, certificate: MtlsCredential | undefined): Promise<DemoRow> {
  let resent = false;
  const made: Credential = typeof scenario.credential === 'function' ? scenario.credential(servers) : scenario.credential;
  const credential = certificate === undefined ? made : combine(certificate, made);
  const client = adapter.client(
    credential,
    {
      origins: origin,
      ...(scenario.clock ? { clock: scenario.clock() } : {}),
      onEvent: (event) => {
        if (event.type === 'auth.retry') resent = true;
      },
    },
    certificate,
  );
  const row = { scheme: scenario.scheme, adapter: adapter.name, request: `${scenario.method} ${scenario.path}${scenario.note ? ` (${scenario.note})` : ''}`, expectRefused: scenario.expectRefused };
  try {
    const { status, report } = await client(`${origin}${scenario.path}`, { method: scenario.method, headers: scenario.headers ?? {}, body: scenario.body });
    const saw = (report.verified ? `identity ${report.identity}` : `refused: ${report.reason}`) + (resent ? ', after one re-sign' : '');
    return { ...row, status, verified: report.verified, saw };
  } catch (error) {
    // A token refused again after the one re-send with a fresh token is a typed error, not a loop.
    if (!(error instanceof SignetError && error.code === 'auth_rejected')) throw error;
    return { ...row, status: 401, verified: false, saw: 'refused twice: auth_rejected error after one re-send' };
  }
}

function clientCertificate(pki: TestPki, which: 'valid' | 'wrong-ca', origin: string): MtlsCredential {
  const identity = which === 'valid' ? pki.clientA : pki.wrongCa;
  return mtls({ cert: identity.cert, key: identity.key, ca: pki.ca, origins: origin });
}
