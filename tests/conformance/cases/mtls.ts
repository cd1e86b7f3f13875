// The mTLS block. A client certificate acts on connections, not requests, so the matrix's cases
// that assume plain http (the other origin, https → http, the clock, 401 re-sends, retries) do not
// apply honestly; these are the ones that do, for every adapter: the certificate identifies the
// client with every body kind and across a same-origin redirect, is never presented to another
// origin, composes with a request credential, and the server really refuses without it.
import { apiKey, combine } from '@signet/core';
import { mtls, type MtlsCredential } from '@signet/node';
import type { TestPki } from '@signet/verifier/server';
import { expect } from 'vitest';
import type { AdapterDriver, DriverClient, DriverResponse } from '../adapters/driver.js';
import { BODY_KINDS, EXPECTED_BYTES } from '../support/bodies.js';
import type { MtlsServers } from '../support/mtls-servers.js';
import { MTLS_API_KEY } from '../support/mtls-servers.js';
import type { Arrival } from '../support/servers.js';
import { rejection } from './case.js';

/** What an mTLS case gets: one adapter, the PKI, the TLS servers, and a fresh case id. */
export interface MtlsCaseContext {
  readonly driver: AdapterDriver;
  readonly pki: TestPki;
  readonly servers: MtlsServers;
  /** A client presenting `certificate` (default client-a's) to the home origin, with `credential` on top when given. */
  client(options?: { certificate?: 'client-a' | 'wrong-ca' | 'none'; credential?: 'api-key' }): DriverClient;
  /** A URL on `origin` (default home) for `path`, with this case's id and `params`. */
  url(path: string, params?: Record<string, string>, origin?: string): string;
  arrivals(): readonly Arrival[];
  /** Certificates made for this case, closed when it ends. */
  readonly made: MtlsCredential[];
}

export interface MtlsCase {
  readonly name: string;
  run(context: MtlsCaseContext): Promise<void>;
}

interface MtlsReport {
  readonly verified: boolean;
  readonly scheme: string;
  readonly identity: string | null;
  readonly reason: string | null;
  readonly method?: string;
  readonly path?: string;
  readonly bodyBytes?: number;
  readonly clientCertificate?: { readonly subject: string };
}

/** Asserts the home TLS server saw client-a's certificate, and returns its report. */
function expectClientA(response: DriverResponse): MtlsReport {
  const report = response.json as MtlsReport;
  expect({ status: response.status, verified: report.verified, scheme: report.scheme, identity: report.identity }).toEqual({ status: 200, verified: true, scheme: 'mtls', identity: 'CN=client-a' });
  return report;
}

/** Makes the credential a case asks for. */
export function mtlsCredential(pki: TestPki, which: 'client-a' | 'wrong-ca', origin: string): MtlsCredential {
  const identity = which === 'client-a' ? pki.clientA : pki.wrongCa;
  return mtls({ cert: identity.cert, key: identity.key, ca: pki.ca, origins: origin });
}

export const MTLS_CASES: readonly MtlsCase[] = [
  {
    name: 'a GET verifies: the certificate identifies the client',
    async run(context) {
      expect(expectClientA(await context.client()({ method: 'GET', url: context.url('/echo'), body: 'none' })).method).toBe('GET');
      expect(context.arrivals()).toHaveLength(1);
    },
  },
  ...BODY_KINDS.map(
    (kind): MtlsCase => ({
      name: `a POST with a ${kind} body arrives whole over mTLS`,
      async run(context) {
        expect(expectClientA(await context.client()({ method: 'POST', url: context.url('/echo'), body: kind })).bodyBytes).toBe(EXPECTED_BYTES[kind]);
        expect(context.arrivals().map((a) => a.bodyBytes)).toEqual([EXPECTED_BYTES[kind]]);
      },
    }),
  ),
  {
    name: 'a same-origin 307: the certificate is presented again, method and body kept',
    async run(context) {
      const response = await context.client()({ method: 'POST', url: context.url('/redirect', { status: '307', to: context.url('/echo') }), body: 'bytes' });
      const report = expectClientA(response);
      expect({ method: report.method, bodyBytes: report.bodyBytes }).toEqual({ method: 'POST', bodyBytes: EXPECTED_BYTES.bytes });
      expect(context.arrivals().map((a) => a.path)).toEqual(['/redirect', '/echo']);
    },
  },
  {
    name: 'a redirect to another https origin: no certificate is presented there',
    async run(context) {
      const target = context.url('/echo', {}, context.servers.other.origin);
      const call = context.client()({ method: 'GET', url: context.url('/redirect', { status: '302', to: target }), body: 'none' });
      if (context.driver.crossOriginAgent === 'kept') {
        // The other server requires a certificate from the same CA: the agent presented none there.
        const response = await call;
        expect({ status: response.status, reason: (response.json as MtlsReport).reason }).toEqual({ status: 401, reason: 'certificate_required' });
      } else {
        // node:http drops the caller's agent for another origin: Node's default agent neither
        // presents the certificate nor trusts the test CA, so the hop fails before a request is sent.
        expect(await rejection(call)).toMatchObject({ code: 'SELF_SIGNED_CERT_IN_CHAIN' });
      }
      expect(context.arrivals().map((a) => a.path)).toEqual(['/redirect']);
    },
  },
  {
    name: 'mTLS combined with an API key: both verified on one request',
    async run(context) {
      const response = await context.client({ credential: 'api-key' })({ method: 'GET', url: context.url('/orders'), body: 'none' });
      const report = response.json as MtlsReport;
      expect({ status: response.status, scheme: report.scheme, identity: report.identity, subject: report.clientCertificate?.subject }).toEqual({
        status: 200,
        scheme: 'api-key',
        identity: MTLS_API_KEY.client,
        subject: 'CN=client-a',
      });
    },
  },
  {
    name: 'without a client certificate: refused (certificate_required), nothing reaches the route',
    async run(context) {
      const response = await context.client({ certificate: 'none', credential: 'api-key' })({ method: 'GET', url: context.url('/echo'), body: 'none' });
      expect({ status: response.status, reason: (response.json as MtlsReport).reason }).toEqual({ status: 401, reason: 'certificate_required' });
      expect(context.arrivals()).toHaveLength(0);
    },
  },
  {
    name: 'a certificate from a CA the server does not trust: refused (unknown_ca)',
    async run(context) {
      const response = await context.client({ certificate: 'wrong-ca' })({ method: 'GET', url: context.url('/echo'), body: 'none' });
      expect({ status: response.status, reason: (response.json as MtlsReport).reason }).toEqual({ status: 401, reason: 'unknown_ca' });
      expect(context.arrivals()).toHaveLength(0);
    },
  },
];

/** The request credential of a case: the certificate, an API key, or both combined. */
export function caseCredential(certificate: MtlsCredential | undefined, credential: 'api-key' | undefined) {
  const key = credential === 'api-key' ? apiKey({ key: MTLS_API_KEY.key, header: MTLS_API_KEY.header }) : undefined;
  if (certificate && key) return combine(certificate, key);
  return certificate ?? key!;
}
