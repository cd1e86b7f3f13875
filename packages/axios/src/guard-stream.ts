import type { InternalAxiosRequestConfig } from 'axios';
import type { RedactedRequest } from '@signet/core';
import { scrubAxiosError } from './scrub-axios-error.js';

/** The parts of a Node readable stream this module touches (duck-typed: no `node:stream` import, so browsers bundle this package). */
interface NodeStreamLike {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  prependListener?(event: 'error', listener: (error: unknown) => void): unknown;
  listenerCount?(event: 'error'): number;
}

// The response object's fields that reach the request as sent: `req` is the ClientRequest, whose
// `_header` holds the signed headers, and `socket._httpMessage` (`client` is the same socket) is
// the same request.
const REQUEST_REFERENCES = ['req', 'socket', 'client'] as const;

/**
 * Makes a `responseType: 'stream'` body safe to log, after Signet has returned it: the caller
 * reads it later, when the send loop can no longer scrub what axios raises.
 *
 * - An `AxiosError` raised while the stream is read (`maxContentLength`, a reset) carries axios's
 *   inner config (the signed headers) and the ClientRequest: it is scrubbed as every other error
 *   the adapter returns is, by a listener that runs before any of the caller's (`prependListener`).
 *   When the caller has no `error` listener of its own, the error is thrown on, as an `error`
 *   event without listeners would be: nothing is swallowed.
 * - Node's response object keeps `req`, `socket` and `client` for its own use, but they become
 *   non-enumerable, so `console.log`, `util.inspect` and enumeration no longer reach the request
 *   as sent (`util.inspect` with `showHidden` still does).
 */
export function guardStream(data: unknown, config: InternalAxiosRequestConfig, request: () => RedactedRequest): void {
  if (typeof data !== 'object' || data === null || typeof (data as NodeStreamLike).on !== 'function') return;
  const stream = data as NodeStreamLike;
  const scrub = (error: unknown): void => {
    scrubAxiosError(error, config, request());
    if ((stream.listenerCount?.('error') ?? 0) <= 1) throw error;
  };
  if (typeof stream.prependListener === 'function') stream.prependListener('error', scrub);
  else stream.on('error', scrub);
  for (const name of REQUEST_REFERENCES) {
    const descriptor = Object.getOwnPropertyDescriptor(data, name);
    if (descriptor?.enumerable && 'value' in descriptor) Object.defineProperty(data, name, { ...descriptor, enumerable: false });
  }
}
