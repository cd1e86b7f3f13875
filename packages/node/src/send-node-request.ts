import { type Agent, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { OutgoingRequest, TransportResponse } from '@signet/core';
import type { NodeBody } from './node-body.js';
import { appendRecord, toHeaderRecord } from './node-headers.js';

/** What `http.request` gets besides the request itself. */
export interface NodeSendOptions {
  /** An `http.Agent` or `https.Agent` (keep-alive, TLS settings, a client certificate), or `false` for none. */
  readonly agent: Agent | boolean | undefined;
  /** Socket idle timeout in milliseconds; the request is destroyed when it fires. */
  readonly timeout: number | undefined;
}

/**
 * Sends one request with `node:http` or `node:https` (by the URL's protocol), following no
 * redirects, and resolves at the response's headers. The send loop's transport for
 * {@link authorizeRequests}.
 */
export function sendNodeRequest(request: OutgoingRequest<NodeBody>, signal: AbortSignal | undefined, options: NodeSendOptions): Promise<TransportResponse<IncomingMessage>> {
  const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      request.url,
      { method: request.method, headers: toHeaderRecord(request.headers), agent: options.agent, timeout: options.timeout, signal },
      (res) => resolve({ status: res.statusCode ?? 0, headers: appendRecord(new Headers(), res.headers), raw: res, discard: () => discardResponse(res) }),
    );
    req.once('error', reject);
    // Node only reports an idle socket; ending the request is the caller's job (http.request docs).
    if (options.timeout !== undefined) req.once('timeout', () => req.destroy(timeoutError(options.timeout!)));
    const body = request.body === undefined || request.body instanceof Uint8Array ? request.body : request.body.value;
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
      req.end(body);
      return;
    }
    if (body instanceof FormData || body instanceof Blob) {
      req.destroy(new TypeError('@signet/node: http.request cannot send a FormData or Blob; pass bytes or a string'));
      return;
    }
    const source = body instanceof Readable ? body : Readable.from(body);
    // pipeline destroys the request if the body fails, and the body if the request fails.
    pipeline(source, req, () => undefined);
  });
}

// A response nobody will read (a 401 before the re-send, a redirect) is drained so its socket can
// be reused, but only this far: a server must not keep us reading forever (as undici's dump).
const MAX_DISCARDED_BYTES = 64 * 1024;

function discardResponse(res: IncomingMessage): void {
  let read = 0;
  res.on('data', (chunk: Buffer) => {
    if ((read += chunk.byteLength) > MAX_DISCARDED_BYTES) res.destroy();
  });
  res.resume();
}

function timeoutError(ms: number): Error {
  return Object.assign(new Error(`@signet/node: the socket was idle for ${ms} ms (timeout)`), { code: 'ETIMEDOUT' });
}
