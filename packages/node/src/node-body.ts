import type { Readable } from 'node:stream';
import { bodyTooLarge, type OutgoingBody, redactRequest, type TransportBody } from '@signet/core';

/**
 * A request body as Node code passes it: to `http.request` (bytes, a string, a stream) or to an
 * undici dispatcher (also a `FormData`, a `Blob`, or the async iterable undici's fetch hands down).
 */
export type NodeBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | FormData | Blob;

/** The request a body belongs to, for the redacted view in a `body_too_large` error. */
interface BodyOwner {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
}

/**
 * Turns a Node body into the send loop's body. Bytes pass as they are, so schemes sign them
 * without a copy. Strings, forms and blobs stay the caller's own value, replayable, and are read
 * only when a scheme needs the bytes. Streams and iterables are one-shot: the loop refuses to
 * send them twice rather than re-send them empty.
 */
export function toOutgoingBody(value: NodeBody | null | undefined, owner: BodyOwner): OutgoingBody<NodeBody> {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') {
    // Node and undici send a string as UTF-8 and add no Content-Type for it.
    return { value, replayable: true, read: async (maxBytes) => ({ bytes: checkSize(Buffer.from(value, 'utf8'), maxBytes, owner), contentType: undefined }) };
  }
  if (value instanceof FormData || value instanceof Blob) {
    return {
      value,
      replayable: true,
      async read(maxBytes) {
        // A Response serializes the body as undici would, and tells the Content-Type (the multipart
        // boundary) that must go with those exact bytes.
        const serialized = new Response(value);
        const bytes = new Uint8Array(await serialized.arrayBuffer());
        return { bytes: checkSize(bytes, maxBytes, owner), contentType: serialized.headers.get('content-type') ?? undefined };
      },
    };
  }
  if (isIterable(value)) return oneShot(value, owner);
  throw new TypeError('@signet/node: the body must be a string, a Uint8Array or Buffer, a Readable, an (async) iterable of bytes, a FormData or a Blob');
}

function isIterable(value: object): value is AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> {
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}

function oneShot(value: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, owner: BodyOwner): TransportBody<NodeBody> {
  return { value, replayable: false, read: async (maxBytes) => ({ bytes: await readIterable(value, maxBytes, owner), contentType: undefined }) };
}

/** Reads a stream or iterable to the end, stopping (and destroying a stream) as soon as it passes `maxBytes`. */
async function readIterable(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number, owner: BodyOwner): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.byteLength;
    if (size > maxBytes) {
      // Leaving a for-await loop early calls return(), which destroys a Readable: nothing is drained.
      throw bodyTooLarge(maxBytes, redactRequest(owner));
    }
    chunks.push(bytes);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

function checkSize(bytes: Uint8Array, maxBytes: number, owner: BodyOwner): Uint8Array {
  if (bytes.byteLength > maxBytes) throw bodyTooLarge(maxBytes, redactRequest(owner));
  return bytes;
}
