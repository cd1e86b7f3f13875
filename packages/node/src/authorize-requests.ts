import type { Agent, IncomingMessage } from 'node:http';
import { type Credential, createSendLoop, type SendLoopOptions } from '@signet/core';
import { type NodeBody, toOutgoingBody } from './node-body.js';
import { type NodeHeaders, toHeaders } from './node-headers.js';
import { sendNodeRequest } from './send-node-request.js';

/** Options for {@link authorizeRequests}: the send loop's options (`origins` is required). */
export type AuthorizeRequestsOptions = SendLoopOptions;

/** One request through {@link authorizeRequests}; every field is optional. */
export interface NodeRequestInit {
  /** Default `GET`. Upper-cased, as `http.request` does, so the signature covers what is sent. */
  method?: string;
  headers?: NodeHeaders;
  /** Bytes, a string or a form can be re-sent on a 307/308 or an auth re-send; a `Readable` is sent once. */
  body?: string | Uint8Array | URLSearchParams | NodeJS.ReadableStream | AsyncIterable<Uint8Array | string> | null;
  /**
   * An `http.Agent`/`https.Agent` (keep-alive, a CA, a client certificate). Used for the request's
   * own origin only: a redirect to another origin goes through Node's default agent, so a client
   * certificate never follows a request elsewhere.
   */
  agent?: Agent | boolean;
  /** Socket idle timeout in milliseconds, per hop; the request fails with `code: 'ETIMEDOUT'`. */
  timeout?: number;
  signal?: AbortSignal;
  /** `'follow'` (default) follows under the origin policy, `'manual'` returns the 3xx, `'error'` throws. */
  redirect?: 'follow' | 'manual' | 'error';
}

/** A promise-based `http.request` that authorizes: resolves at the response headers, body unread. */
export type AuthorizedRequest = (url: string | URL, init?: NodeRequestInit) => Promise<IncomingMessage>;

/**
 * Returns a `request(url, init)` function that sends with `node:http` or `node:https` (chosen by
 * the URL's protocol) and authorizes every request to the credential's origins, through the send
 * loop: at most one re-send for auth, redirects followed under the origin policy, bodies buffered
 * only when the scheme signs them. It resolves with Node's own `http.IncomingMessage`; read or
 * `resume()` its body as usual.
 *
 * @example
 * ```ts
 * import { apiKey } from '@signet/core';
 * import { authorizeRequests } from '@signet/node';
 * const request = authorizeRequests(apiKey({ key: process.env.API_KEY! }), { origins: 'https://api.example.com' });
 * const res = await request('https://api.example.com/v1/orders', { method: 'POST', body: JSON.stringify(order), headers: { 'content-type': 'application/json' } });
 * ```
 */
export function authorizeRequests(credential: Credential, options: AuthorizeRequestsOptions): AuthorizedRequest {
  const loop = createSendLoop(credential, options);

  return function request(url, init = {}) {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return Promise.reject(new TypeError(`@signet/node: only http: and https: URLs can be requested, not ${target.protocol}`));
    }
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = toHeaders(init.headers);
    let body = init.body;
    if (body instanceof URLSearchParams) {
      // As fetch does for a URLSearchParams body (Fetch standard, "extract a body").
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
      body = body.toString();
    }
    const { agent, timeout } = init;
    const outgoing = { method, url: target, headers, body: toOutgoingBody(body as NodeBody | null | undefined, { method, url: target, headers }) };
    // The caller's agent (a client certificate, a CA) goes only to the first origin, and never
    // again once the chain has left it: a chain that comes back could aim it at any URL there.
    let leftOrigin = false;
    return loop.send(outgoing, (next, signal) => sendNodeRequest(next, signal, { agent: (leftOrigin ||= next.url.origin !== target.origin) ? undefined : agent, timeout }), {
      redirect: init.redirect,
      signal: init.signal,
    });
  };
}
