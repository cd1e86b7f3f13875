// What the suite needs from an adapter: make a client for a credential and options, send one
// request described in the suite's own terms, and report the status and the JSON body.
import type { Credential, SendLoopOptions } from '@signet/core';
import type { BodyKind } from '../support/bodies.js';

/** A request in the suite's terms; each driver builds its client's own call from it. */
export interface DriverRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: BodyKind;
  readonly signal?: AbortSignal;
}

export interface DriverResponse {
  readonly status: number;
  /** The parsed JSON body, or `null` when there was none. */
  readonly json: unknown;
}

/** Sends one request; rejects as the adapter rejects (a SignetRequestError, an abort, …). */
export type DriverClient = (request: DriverRequest) => Promise<DriverResponse>;

export interface AdapterDriver {
  /** As printed in test names. */
  readonly name: string;
  /** `ca` is the PEM of the throwaway https server's self-signed certificate, to trust it and nothing more. */
  client(credential: Credential, options: SendLoopOptions, tls: { ca: string }): DriverClient;
}

/** Parses a body text as JSON when there is one. */
export function parseJson(text: string): unknown {
  return text.length === 0 ? null : JSON.parse(text);
}
