import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, util } from 'undici';
import type { CallerController } from './caller-controller.js';

// A discarded response (a 401 before the re-send, a redirect) is read and dropped so the
// connection can be reused, up to this much; past it the dispatch is aborted instead, as undici's
// dump interceptor does, so a server cannot keep us reading forever.
const MAX_DISCARDED_BYTES = 64 * 1024;
// While the loop decides, this much is kept in memory before the response is paused. Most
// responses arrive whole within it, and not pausing saves the parser a pause/resume per request.
const MAX_HELD_BYTES = 64 * 1024;

/**
 * A response held at its headers (paused once more than 64 KiB of it has arrived) while the send loop decides whether the caller gets it
 * (`forwardTo`) or not (`discard`). The decision is async (a credential's `onResponse` may await),
 * so anything that arrives meanwhile is kept in order and replayed.
 */
export class HeldResponse {
  #mode: 'holding' | 'forwarding' | 'discarding' = 'holding';
  #chunks: Buffer[] = [];
  #held = 0;
  #discarded = 0;
  #end: ResponseEnd | undefined;
  #handler: Dispatcher.DispatchHandler | undefined;
  #caller: CallerController | undefined;
  #legacy: WrapHandler | undefined;
  #headers: IncomingHttpHeaders | undefined;

  constructor(
    readonly controller: Dispatcher.DispatchController,
    readonly status: number,
    /** The parsed headers; undefined when only the raw list is known (parsed from it when read). */
    headers: IncomingHttpHeaders | undefined,
    readonly statusMessage: string | undefined,
    /**
     * The server's header list, exactly what `headers` was parsed from, when the dispatch is
     * known to give it (see {@link RawLists}); otherwise undefined.
     */
    readonly rawHeaders: RawList | undefined,
  ) {
    this.#headers = headers;
  }

  /** True once the dispatch has ended (trailers or an error) while the response was held. */
  get ended(): boolean {
    return this.#end !== undefined;
  }

  /** The headers as undici parses them (lower-case names, repeated fields as arrays). */
  get headers(): IncomingHttpHeaders {
    return (this.#headers ??= util.parseHeaders(this.rawHeaders as Buffer[]) as IncomingHttpHeaders);
  }

  /** Hands the response to the caller's handler: start, whatever arrived so far, then live. */
  forwardTo(handler: Dispatcher.DispatchHandler, caller: CallerController): void {
    this.#mode = 'forwarding';
    this.#handler = handler;
    this.#caller = caller;
    caller.forwarding = this.controller;
    // undici.request and undici's fetch speak the old handler API, so compose() hands us their
    // handler in undici's WrapHandler, whose onResponseStart turns the parsed headers back into
    // Buffers (joining a repeated Set-Cookie into one, losing the server's spelling) for the old
    // API to parse again. Given the server's own list, it gets what raw undici gives it, for
    // less work.
    const rawHeaders = this.rawHeaders;
    if (rawHeaders !== undefined && isWrapHandler(handler)) {
      this.#legacy = handler;
      if (handler.onHeaders(this.status, rawHeaders as Buffer[], () => caller.resume(), this.statusMessage ?? '') === false) caller.pause();
    } else {
      handler.onResponseStart?.(caller, this.status, this.headers, this.statusMessage);
    }
    for (const chunk of this.#chunks) this.#forward(chunk);
    this.#chunks = [];
    if (this.#end !== undefined) this.#finish(this.#end);
    else if (caller.paused) this.controller.pause();
    else if (this.controller.paused) this.controller.resume();
  }

  /** Drops the response; the loop will not hand it to anyone. */
  discard(): void {
    this.#mode = 'discarding';
    this.#chunks = [];
    if (this.#end === undefined && this.controller.paused) this.controller.resume();
  }

  data(chunk: Buffer): void {
    if (this.#mode === 'forwarding') this.#forward(chunk);
    else if (this.#mode === 'holding') {
      this.#chunks.push(chunk);
      if ((this.#held += chunk.byteLength) > MAX_HELD_BYTES) this.controller.pause();
    }
    else if ((this.#discarded += chunk.byteLength) > MAX_DISCARDED_BYTES) this.controller.abort(new Error('@signet/node: discarded response too large'));
  }

  end(end: ResponseEnd): void {
    if (this.#mode === 'forwarding') this.#finish(end);
    else if (this.#mode === 'holding') this.#end = end;
  }

  #forward(chunk: Buffer): void {
    if (this.#legacy === undefined) this.#handler!.onResponseData?.(this.#caller!, chunk);
    else if (this.#legacy.onData(chunk) === false) this.#caller!.pause();
  }

  #finish(end: ResponseEnd): void {
    const legacy = this.#legacy;
    if ('error' in end) this.#handler!.onResponseError?.(this.#caller!, end.error);
    else if (legacy !== undefined && end.rawTrailers !== undefined) legacy.onComplete(end.rawTrailers as string[]);
    else this.#handler!.onResponseEnd?.(this.#caller!, end.trailers);
  }
}

/** A header or trailer list as undici's parser gives it: name, value, name, value, … */
export type RawList = NonNullable<Dispatcher.DispatchController['rawHeaders']>;

/** How a response ended: its trailers (and their raw list, when known), or an error. */
export type ResponseEnd = { trailers: IncomingHttpHeaders; rawTrailers?: RawList } | { error: Error };

/** undici's WrapHandler: both handler APIs, the old one forwarded unchanged to the handler it wraps. */
type WrapHandler = Dispatcher.DispatchHandler & Required<Pick<Dispatcher.DispatchHandler, 'onHeaders' | 'onData' | 'onComplete'>>;

/**
 * Only undici 7's own wrapper of an old-API handler: any other handler that happens to have both
 * APIs gets the new one, as undici itself would call it. Not exported by undici, so known by
 * name; an undici that renames it (or, as undici 8, has none) gets the new API, always correct.
 */
export function isWrapHandler(handler: Dispatcher.DispatchHandler): handler is WrapHandler {
  return handler.constructor?.name === 'WrapHandler' && typeof (handler as Partial<WrapHandler>).onHeaders === 'function';
}
