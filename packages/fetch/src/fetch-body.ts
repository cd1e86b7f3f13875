import { bodyTooLarge, type OutgoingBody, readBounded, redactRequest } from '@signet/core';

/** The request a body belongs to, for the redacted view in a `body_too_large` error. */
interface BodyOwner {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
}

/**
 * Turns a fetch body into the send loop's body. Bytes pass as they are (schemes can sign them
 * directly); everything else stays the caller's own value, sent by fetch as usual, and is read only
 * if a scheme needs the bytes. Only a `ReadableStream` is one-shot; strings, blobs, forms and
 * buffers can be sent again.
 */
export function toOutgoingBody(value: BodyInit | null | undefined, owner: BodyOwner): OutgoingBody<BodyInit> {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ReadableStream) {
    const stream = value as ReadableStream<Uint8Array>;
    return { value, replayable: false, read: async (maxBytes) => ({ bytes: await readBounded(stream, maxBytes, redactRequest(owner)), contentType: undefined }) };
  }
  return {
    value,
    replayable: true,
    async read(maxBytes) {
      // The redacted view is built here, only when a body is read, not on every request.
      const view = redactRequest(owner);
      if (value instanceof Blob && value.size > maxBytes) throw bodyTooLarge(maxBytes, view);
      // A Response serializes the body exactly as fetch would, and tells the Content-Type fetch
      // would have added (text/plain for strings, the multipart boundary for FormData, …).
      const serialized = new Response(value);
      const bytes = serialized.body === null ? new Uint8Array() : await readBounded(serialized.body, maxBytes, view);
      return { bytes, contentType: serialized.headers.get('content-type') ?? undefined };
    },
  };
}

/** The value to hand back to fetch for a body of the send loop. */
export function toFetchBody(body: OutgoingBody<BodyInit>): BodyInit | undefined {
  if (body === undefined) return undefined;
  return body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : body.value;
}
