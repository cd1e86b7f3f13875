// What the suite needs from an adapter: make a client for a credential and options, send one
// request described in the suite's own terms, and report the status and the JSON body.
import type { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import type { Credential, SendLoopOptions } from '@signet/core';
import type { Dispatcher } from 'undici';
import { type BodyKind, streamChunks } from '../support/bodies.js';

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

/** The connection-level part of an mTLS credential: what presents the client certificate to each client. */
export interface DriverTransport {
  /** For fetch's `dispatcher` and undici (composed with the auth interceptor). */
  readonly dispatcher: Dispatcher;
  /** For node:https's `agent` and axios's `httpsAgent`. */
  readonly httpsAgent: HttpsAgent;
}

/** How the client connects over TLS. */
export interface DriverTls {
  /** The PEM of the CA (or self-signed certificate) to trust, and nothing more. */
  readonly ca: string;
  /** mTLS: the credential's own agents, used instead of ones trusting `ca` (they carry their own trust). */
  readonly transport?: DriverTransport;
}

export interface AdapterDriver {
  /** As printed in test names. */
  readonly name: string;
  /**
   * On a redirect to another origin, the adapter keeps the caller's agent or dispatcher (`kept`:
   * its TLS trust, and an mTLS agent that presents the certificate to its origins only), or drops
   * it for the runtime's default (`default`: node:http, as NodeRequestInit.agent documents).
   */
  readonly crossOriginAgent: 'kept' | 'default';
  client(credential: Credential, options: SendLoopOptions, tls: DriverTls): DriverClient;
}

/** Parses a body text as JSON when there is one. */
export function parseJson(text: string): unknown {
  return text.length === 0 ? null : JSON.parse(text);
}

/** The stream body as a Node \`Readable\` (node:http, undici, axios on Node). */
export function nodeStream(): Readable {
  return Readable.from(streamChunks().map((chunk) => Buffer.from(chunk)));
}
