import axios, { type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { RedactedRequest } from '@signet/core';

/**
 * Points a response at the caller's own, unsigned config and a redacted view of the request that
 * was sent. axios's adapters put the signed config (every header Signet added) and, on Node, the
 * `ClientRequest` (whose `_header` holds every header as sent) there; neither may reach the caller.
 */
export function scrubResponse<T extends AxiosResponse>(response: T, config: InternalAxiosRequestConfig, request: RedactedRequest | (() => RedactedRequest)): T {
  response.config = config;
  if (typeof request !== 'function') {
    Object.defineProperty(response, 'request', { value: request, writable: true, enumerable: true, configurable: true });
    return response;
  }
  // Built on first read. The accessor is one shared pair, and the response carries its builder in
  // a data property: a getter closure per response would give every response a hidden class of its
  // own, held by the shared class's transitions until a full GC, and with it the whole request;
  // under load, that turned most of each request's garbage into old-generation garbage.
  Object.defineProperty(response, BUILD_VIEW, { value: request, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(response, 'request', LAZY_REQUEST);
  return response;
}

const BUILD_VIEW = Symbol('build the redacted request view');

type LazyResponse = { [BUILD_VIEW]?: () => RedactedRequest };

const LAZY_REQUEST: PropertyDescriptor = {
  get(this: LazyResponse): RedactedRequest | undefined {
    const view = this[BUILD_VIEW]?.();
    // From now on a plain value: built once, and the builder (which holds the request) let go.
    // A frozen or sealed response (a state store's deep freeze) cannot change: it builds the
    // view on each read instead.
    if (view !== undefined && Object.isExtensible(this)) {
      Object.defineProperty(this, 'request', { value: view, writable: true, enumerable: true, configurable: true });
      this[BUILD_VIEW] = undefined;
    }
    return view;
  },
  set(this: LazyResponse, value: unknown): void {
    Object.defineProperty(this, 'request', { value, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/**
 * Makes an error safe to log: an `AxiosError` (a `CanceledError` included) from the inner adapter
 * gets the caller's unsigned config, a redacted view in place of the request object (kept, since
 * callers test `error.request` to tell "no response" apart), and a scrubbed response; its `cause`
 * chain is scrubbed too. Any other error (Signet's own, a credential's) carries no secret and
 * passes through unchanged.
 */
export function scrubAxiosError(error: unknown, config: InternalAxiosRequestConfig, request: RedactedRequest): unknown {
  // The reason a CancelToken rejects with is stored on the token, which the config holds: pointing
  // it back at that config would make a cycle that axios's toJSON recurses on until the stack ends.
  const tokenReason = config.cancelToken?.reason;
  for (let current: unknown = error, depth = 0; axios.isAxiosError(current) && depth < 8; current = current.cause, depth++) {
    current.config = current === tokenReason ? { ...config, cancelToken: undefined } : config;
    if (current.request !== undefined && current.request !== null) current.request = request;
    if (current.response !== undefined) scrubResponse(current.response, config, request);
  }
  return error;
}
