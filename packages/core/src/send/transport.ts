/**
 * The seam between the send loop and an adapter. An adapter turns its client's request into an
 * {@link OutgoingRequest}, hands the loop a {@link Transport} that sends one, and turns the
 * {@link TransportResponse} back into its client's response. It holds no scheme logic.
 */

/** A body the send loop has not read: the adapter's own value, sent as it is. */
export interface TransportBody<Value = unknown> {
  /** The adapter's native body (a string, Blob, FormData, stream, …). */
  readonly value: Value;
  /** False for one-shot bodies (streams): they can be sent once and never again. */
  readonly replayable: boolean;
  /**
   * Reads the whole body, as the transport would send it, failing with `body_too_large` past
   * `maxBytes`. `contentType` is the type the transport would have added for this value (fetch
   * does for strings, forms and blobs), so it is not lost once the body becomes bytes.
   */
  read(maxBytes: number): Promise<BufferedBody>;
}

/** A body read into memory. */
export interface BufferedBody {
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
}

/** The body of an outgoing request: none, bytes, or an unread transport body. */
export type OutgoingBody<Value = unknown> = Uint8Array | TransportBody<Value> | undefined;

/** A request on its way out, as the send loop hands it to the transport. */
export interface OutgoingRequest<Value = unknown> {
  readonly method: string;
  readonly url: URL;
  /**
   * Given to the send loop: {@link SigningHeaders} are handed over (schemes write into them;
   * ones already used for a send start from a copy as they were before it); any other `Headers`
   * is copied first and never written. To the transport: the headers to send, never changed by
   * the loop afterwards (the next attempt gets a copy).
   */
  readonly headers: Headers;
  readonly body: OutgoingBody<Value>;
}

/** A response as the send loop needs it, wrapping the adapter's own response object. */
export interface TransportResponse<Raw> {
  readonly status: number;
  readonly headers: Headers;
  /** The adapter's native response, returned to the caller at the end. */
  readonly raw: Raw;
  /** Releases a response the caller will never see (a 401 before a re-send, a redirect). */
  discard(): Promise<void> | void;
}

/** Sends exactly one request, following no redirects. */
export type Transport<Value, Raw> = (request: OutgoingRequest<Value>, signal: AbortSignal | undefined) => Promise<TransportResponse<Raw>>;

/** True when `body` is an unread transport body rather than bytes or nothing. */
export function isTransportBody(body: OutgoingBody): body is TransportBody {
  return body !== undefined && !(body instanceof Uint8Array);
}
