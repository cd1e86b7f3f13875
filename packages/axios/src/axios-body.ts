import { bodyTooLarge, type OutgoingBody, readBounded, redactRequest, type TransportBody, utf8 } from '@signet/core';
import { isNodeStream, readNodeStream } from './read-node-stream.js';

/** The request a body belongs to, for the redacted view in a `body_too_large` error. */
export interface BodyOwner {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
}

/** The `form-data` package's FormData, which axios supports on Node. */
interface NodeFormData {
  getHeaders(): Record<string, string>;
}

/**
 * True for bodies whose `Content-Type` axios always sets itself (a multipart boundary, a Blob's
 * type): the adapter drops the caller's type for them, so the send loop must not keep it either.
 */
export function ownsContentType(data: unknown): boolean {
  return isFormData(data) || isNodeFormData(data) || (typeof Blob !== 'undefined' && data instanceof Blob);
}

/**
 * Turns axios's `config.data`, after axios's request transforms (JSON, forms, URLSearchParams are
 * already strings or bytes by then), into the send loop's body. Bytes pass as bytes, so schemes
 * sign them directly; everything else stays axios's own value, sent by the inner adapter as usual,
 * and is read only when a scheme needs the bytes. Node streams and web streams are one-shot.
 */
export function toOutgoingBody(data: unknown, owner: BodyOwner): OutgoingBody {
  if (data === undefined || data === null) return undefined;
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return replayable(data, async () => ({ bytes: utf8(data), contentType: undefined }));
  if (isNodeFormData(data)) {
    const contentType = data.getHeaders()['content-type'];
    return oneShot(data, async (maxBytes) => ({ bytes: await readNodeStream(data as never, maxBytes, redactRequest(owner)), contentType }));
  }
  if (isNodeStream(data)) return oneShot(data, async (maxBytes) => ({ bytes: await readNodeStream(data, maxBytes, redactRequest(owner)), contentType: undefined }));
  if (typeof ReadableStream !== 'undefined' && data instanceof ReadableStream) {
    const stream = data as ReadableStream<Uint8Array>;
    return oneShot(data, async (maxBytes) => ({ bytes: await readBounded(stream, maxBytes, redactRequest(owner)), contentType: undefined }));
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    return replayable(data, async (maxBytes) => {
      if (data.size > maxBytes) throw bodyTooLarge(maxBytes, redactRequest(owner));
      // The type axios's adapters give a Blob (http.js: the Blob's own, else application/octet-stream).
      return { bytes: new Uint8Array(await data.arrayBuffer()), contentType: data.type || (data.size > 0 ? 'application/octet-stream' : undefined) };
    });
  }
  if (isFormData(data) || data instanceof URLSearchParams) {
    return replayable(data, async (maxBytes) => {
      // A Response serializes a form exactly as fetch would, multipart boundary included.
      const serialized = new Response(data);
      const bytes = serialized.body === null ? new Uint8Array() : await readBounded(serialized.body, maxBytes, redactRequest(owner));
      return { bytes, contentType: serialized.headers.get('content-type') ?? undefined };
    });
  }
  return replayable(data, async () => {
    throw new TypeError(
      '@signet/axios: the credential signs the body, but config.data is still an object after transformRequest; let axios serialize it (the default transformRequest) or pass a string or bytes',
    );
  });
}

/**
 * The value to hand back to axios's adapter for a body of the send loop. axios's own value goes
 * back as it was; bytes the loop buffered go as an ArrayBuffer, which every adapter accepts (the
 * Node adapter refuses a Uint8Array that is not a Buffer).
 */
export function toAxiosData(body: OutgoingBody, original: unknown): unknown {
  if (body === undefined) return undefined;
  if (!(body instanceof Uint8Array)) return body.value;
  if (body === original) return original;
  if (body.buffer === original && body.byteOffset === 0 && body.byteLength === (original as ArrayBuffer).byteLength) return original;
  if (ArrayBuffer.isView(original) && body.buffer === original.buffer && body.byteOffset === original.byteOffset) return original;
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body.buffer : body.slice().buffer;
}

function replayable(value: unknown, read: TransportBody['read']): TransportBody {
  return { value, replayable: true, read };
}

function oneShot(value: unknown, read: TransportBody['read']): TransportBody {
  return { value, replayable: false, read };
}

function isFormData(data: unknown): data is FormData {
  return typeof FormData !== 'undefined' && data instanceof FormData;
}

function isNodeFormData(data: unknown): data is NodeFormData {
  return isNodeStream(data) && typeof (data as Partial<NodeFormData>).getHeaders === 'function';
}
