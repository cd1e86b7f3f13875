import type { OutgoingRequest, TransportResponse } from '@signet/core';
import { type Dispatcher, util } from 'undici';
import type { CallerController } from './caller-controller.js';
import { HeldResponse, type RawList } from './held-response.js';
import { LegacyController } from './legacy-controller.js';
import type { RawLists } from './raw-lists.js';
import type { NodeBody } from './node-body.js';
import { RecordHeaders } from './record-headers.js';

/**
 * How {@link dispatchOnce} talks to the next dispatcher: `'legacy'` with undici 7's old handler
 * API (its Agent, Pool and Client speak it natively, so the response arrives as the parser's raw
 * list, with no adapter between the two APIs and no header record built for us); `'exact'` with
 * the new API, directly on the dispatcher (its raw lists are what the headers came from);
 * `'unknown'` with the new API, over other interceptors (see {@link RawLists}).
 */
export type DispatchMode = 'legacy' | RawLists;

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
  mode: DispatchMode,
): Promise<TransportResponse<HeldResponse>> {
  return new Promise((resolve, reject) => {
    const handler = mode === 'legacy' ? legacyHandler(caller, resolve, reject) : currentHandler(caller, mode, resolve, reject);
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

type Resolve = (response: TransportResponse<HeldResponse>) => void;
type Reject = (error: unknown) => void;

function respond(resolve: Resolve, held: HeldResponse, headers: Headers): void {
  resolve({ status: held.status, headers, raw: held, discard: () => held.discard() });
}

// The new handler API (onRequestStart, onResponseStart, …).
function currentHandler(caller: CallerController, rawLists: RawLists, resolve: Resolve, reject: Reject): Dispatcher.DispatchHandler {
  let held: HeldResponse | undefined;
  return {
    onRequestStart(controller) {
      caller.inFlight = controller;
      if (caller.aborted) controller.abort(caller.reason!);
    },
    onResponseStart(controller, status, headers, statusMessage) {
      // 1xx responses are interim (RFC 9110 §15.2); the final one follows on the same dispatch.
      if (status < 200) return;
      // The raw list as it is now: a retry below may swap the controller's for a later connection's.
      held = new HeldResponse(controller, status, headers, statusMessage, rawLists === 'exact' ? (controller.rawHeaders ?? undefined) : undefined);
      respond(resolve, held, new RecordHeaders(headers));
    },
    onResponseData: (_controller, chunk) => held?.data(chunk),
    onResponseEnd: (controller, trailers) => held?.end({ trailers, rawTrailers: rawLists === 'exact' ? (controller.rawTrailers ?? undefined) : undefined }),
    onResponseError(_controller, error) {
      if (held === undefined) reject(error);
      else held.end({ error });
    },
  };
}

// undici 7's old handler API, which its dispatchers call directly: pausing is the return value
// of onHeaders and onData (LegacyController).
function legacyHandler(caller: CallerController, resolve: Resolve, reject: Reject): Dispatcher.DispatchHandler {
  let held: HeldResponse | undefined;
  let controller: LegacyController | undefined;
  return {
    onConnect(abort) {
      controller = new LegacyController(abort);
      caller.inFlight = controller;
      if (caller.aborted) controller.abort(caller.reason!);
    },
    onHeaders(status, rawHeaders, resume, statusMessage) {
      if (status < 200) return true;
      controller!.resumeParser = resume;
      controller!.rawHeaders = rawHeaders as RawList;
      held = new HeldResponse(controller!, status, undefined, statusMessage, rawHeaders as RawList);
      respond(resolve, held, RecordHeaders.fromRawList(rawHeaders));
      return !controller!.paused;
    },
    onData(chunk) {
      held?.data(chunk);
      return !controller!.paused;
    },
    onComplete(rawTrailers) {
      controller!.rawTrailers = rawTrailers as RawList | null;
      held?.end({ trailers: util.parseHeaders(rawTrailers ?? []), rawTrailers: (rawTrailers ?? undefined) as RawList | undefined });
    },
    onError(error) {
      if (held === undefined) reject(error);
      else held.end({ error });
    },
  } as Dispatcher.DispatchHandler;
}
