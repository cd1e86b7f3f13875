import type { OutgoingRequest } from '@signet/core';
import type { Dispatcher } from 'undici';
import { type NodeBody, toOutgoingBody } from './node-body.js';
import { type NodeHeaders, toHeaders } from './node-headers.js';

/** A dispatch, read into the send loop's request; `rest` is the caller's options, whose other fields go on to the next dispatcher untouched. */
export interface TranslatedDispatch {
  readonly request: OutgoingRequest<NodeBody>;
  /** The caller's options as they came (never changed): each hop copies them and overrides the request's own fields. */
  readonly rest: Dispatcher.DispatchOptions;
}

// The origin undici passes is the same text on every request (an Agent's URL origin); parsing it
// again each time cost a URL parse per request. Bounded, so odd callers cannot grow it forever.
const ORIGINS = new Map<string, string>();
const MAX_ORIGINS = 64;

function normalizedOrigin(origin: string): string {
  let normalized = ORIGINS.get(origin);
  if (normalized === undefined) {
    normalized = new URL(origin).origin;
    if (ORIGINS.size >= MAX_ORIGINS) ORIGINS.clear();
    ORIGINS.set(origin, normalized);
  }
  return normalized;
}

/**
 * Reads undici's dispatch options (`origin` + `path` + `query`, headers in any of undici's shapes,
 * a body) into the send loop's request. The URL is the one undici would request: `path` is
 * appended to the origin as text, never resolved against it, so `//host/x` stays a path.
 */
export function fromDispatchOptions(opts: Dispatcher.DispatchOptions): TranslatedDispatch {
  // Fields read one by one: a rest pattern would copy every other option on every request.
  const { origin, path, method, headers: rawHeaders, body: rawBody, query, upgrade } = opts;
  if (origin === undefined || origin === null) throw new TypeError('@signet/node: authInterceptor needs a request with an origin (dispatch through an Agent, or pass a full URL)');
  if (typeof path !== 'string' || !path.startsWith('/')) throw new TypeError('@signet/node: authInterceptor needs an origin-form path starting with "/"');
  // The send loop reads a response before handing it on (a re-send, a redirect); an upgraded
  // connection is a socket, not a response: refused before anything is signed or sent.
  if (upgrade || method === 'CONNECT') throw new TypeError('@signet/node: authInterceptor cannot authorize an upgrade or CONNECT request; dispatch it without the interceptor');
  const url = new URL(normalizedOrigin(String(origin)) + path);
  if (query) {
    for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
  }
  const headers = toHeaders(rawHeaders as NodeHeaders | null | undefined);
  const upperMethod = method.toUpperCase();
  return { request: { method: upperMethod, url, headers, body: toOutgoingBody(rawBody as NodeBody | null | undefined, { method: upperMethod, url, headers }) }, rest: opts };
}
