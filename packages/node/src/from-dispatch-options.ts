import type { OutgoingRequest } from '@signet/core';
import type { Dispatcher } from 'undici';
import { type NodeBody, toOutgoingBody } from './node-body.js';
import { type NodeHeaders, toHeaders } from './node-headers.js';

/** A dispatch, split into the send loop's request and the options passed on to the next dispatcher untouched. */
export interface TranslatedDispatch {
  readonly request: OutgoingRequest<NodeBody>;
  readonly rest: Omit<Dispatcher.DispatchOptions, 'origin' | 'path' | 'method' | 'headers' | 'body' | 'query'>;
}

/**
 * Reads undici's dispatch options (`origin` + `path` + `query`, headers in any of undici's shapes,
 * a body) into the send loop's request. The URL is the one undici would request: `path` is
 * appended to the origin as text, never resolved against it, so `//host/x` stays a path.
 */
export function fromDispatchOptions(opts: Dispatcher.DispatchOptions): TranslatedDispatch {
  const { origin, path, method, headers: rawHeaders, body: rawBody, query, maxRedirections: _ignored, ...rest } = opts as Dispatcher.DispatchOptions & { maxRedirections?: number };
  if (origin === undefined || origin === null) throw new TypeError('@signet/node: authInterceptor needs a request with an origin (dispatch through an Agent, or pass a full URL)');
  if (typeof path !== 'string' || !path.startsWith('/')) throw new TypeError('@signet/node: authInterceptor needs an origin-form path starting with "/"');
  const url = new URL(new URL(String(origin)).origin + path);
  if (query) {
    for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
  }
  const headers = toHeaders(rawHeaders as NodeHeaders | null | undefined);
  const upperMethod = method.toUpperCase();
  return { request: { method: upperMethod, url, headers, body: toOutgoingBody(rawBody as NodeBody | null | undefined, { method: upperMethod, url, headers }) }, rest };
}
