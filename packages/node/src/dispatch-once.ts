import type { OutgoingRequest, TransportResponse } from '@signet/core';
import type { Dispatcher } from 'undici';
import type { CallerController } from './caller-controller.js';
import { HeldResponse } from './held-response.js';
import type { RawLists } from './raw-lists.js';
import type { NodeBody } from './node-body.js';
import { RecordHeaders } from './record-headers.js';

/**
 * Dispatches one request with the next dispatcher, following no redirects, and resolves at the
 * response's status and headers, holding the rest (see {@link HeldResponse}). The send loop's
 * transport for {@link authInterceptor}.
 */
export function dispatchOnce(
  dispatch: Dispatcher.Dispatch,
  rest: Dispatcher.DispatchOptions,
  request: OutgoingRequest<NodeBody>,
  caller: CallerController,
  rawLists: RawLists,
): Promise<TransportResponse<HeldResponse>> {
  return new Promise((resolve, reject) => {
    let held: HeldResponse | undefined;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(controller) {
        caller.inFlight = controller;
        if (caller.aborted) controller.abort(caller.reason!);
      },
      onResponseStart(controller, status, headers, statusMessage) {
        // 1xx responses are interim (RFC 9110 §15.2); the final one follows on the same dispatch.
        if (status < 200) return;
        // The raw list as it is now: a retry below may swap the controller's for a later connection's.
        held = new HeldResponse(controller, status, headers, statusMessage, rawLists === 'exact' ? (controller.rawHeaders ?? undefined) : undefined);
        const response = held;
        resolve({ status, headers: new RecordHeaders(headers), raw: response, discard: () => response.discard() });
      },
      onResponseData: (_controller, chunk) => held?.data(chunk),
      onResponseEnd: (controller, trailers) => held?.end({ trailers, rawTrailers: rawLists === 'exact' ? (controller.rawTrailers ?? undefined) : undefined }),
      onResponseError(_controller, error) {
        if (held === undefined) reject(error);
        else held.end({ error });
      },
    };
    const body = request.body === undefined || request.body instanceof Uint8Array ? request.body : request.body.value;
    const path = request.url.pathname + request.url.search;
    // A flat [name, value, …] list: undici reads it with a plain loop, where a Headers is iterated
    // entry by entry (an array per field) after being sorted.
    const headers: string[] = [];
    request.headers.forEach((value, name) => headers.push(name, value));
    // The caller's options, copied, with the request's own fields over them. Object.assign, not a
    // spread: V8 takes a slow path (about 1 µs each) for every field a spread literal adds.
    const options = Object.assign({}, rest) as Dispatcher.DispatchOptions & { maxRedirections?: number };
    options.origin = request.url.origin;
    options.path = path;
    options.method = request.method as Dispatcher.HttpMethod;
    options.headers = headers;
    options.body = body as Dispatcher.DispatchOptions['body'];
    // `query` is already in the path. maxRedirections: 0 turns off an inner redirect interceptor:
    // the send loop follows redirects, so that it can apply the origin policy to every hop.
    options.query = undefined;
    options.maxRedirections = 0;
    try {
      dispatch(options, handler);
    } catch (error) {
      reject(error);
    }
  });
}
