import type { Credential, SendLoopOptions } from '@signet/core';
import type { VerifierResponseBody } from '@signet/verifier';
import { expect } from 'vitest';
import type { AdapterDriver, DriverClient, DriverResponse } from '../adapters/driver.js';
import type { SchemeEntry } from '../support/schemes.js';
import type { Arrival, ConformanceServers } from '../support/servers.js';

/** Everything a case needs: one adapter, one scheme, the servers, and a fresh case id. */
export interface CaseContext {
  readonly driver: AdapterDriver;
  readonly scheme: SchemeEntry;
  readonly servers: ConformanceServers;
  /** Unique per test; every URL carries it as `?case=`, so the server counts this test's requests. */
  readonly id: string;
  /** Delays the injected sleep was asked for (nothing waits for real). */
  readonly sleeps: number[];
  /** A fresh credential of this scheme. */
  credential(): Credential;
  /** A client with a fresh credential of this scheme (or `credential`), origins = home and the https server. */
  client(options?: Partial<SendLoopOptions>, credential?: Credential): DriverClient;
  /** A URL on `origin` (default home) for `path`, with this case's id and `params`. */
  url(path: string, params?: Record<string, string>, origin?: string): string;
  /** What reached the servers for this case. */
  arrivals(): readonly Arrival[];
  /** Requests to the home token endpoint since this case began (cases run one at a time). */
  tokenRequests(): number;
}

/** One row of the case table. */
export interface ConformanceCase {
  readonly name: string;
  run(context: CaseContext): Promise<void>;
}

/** Asserts the verifier accepted the request as this scheme's identity, and returns its report. */
export function expectVerified(context: CaseContext, response: DriverResponse): VerifierResponseBody {
  const report = response.json as VerifierResponseBody;
  expect({ status: response.status, verified: report?.verified, scheme: report?.scheme, identity: report?.identity, reason: report?.reason }).toEqual({
    status: 200,
    verified: true,
    scheme: context.scheme.verifierScheme ?? context.scheme.name,
    identity: context.scheme.identity,
    reason: null,
  });
  return report;
}

/** Token requests a fresh credential of this scheme makes for `perTokenScheme` of them (0 for the others). */
export function expectedTokenRequests(context: CaseContext, perTokenScheme: number): number {
  return context.scheme.fetchesTokens ? perTokenScheme : 0;
}

/** The rejection of `promise`, which must reject. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the request to be refused'),
    (error: unknown) => error,
  );
}
