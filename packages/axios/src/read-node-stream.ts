import { bodyTooLarge, type RedactedRequest, utf8 } from '@signet/core';

/** The part of a Node `Readable` (or the `form-data` package's stream) this module uses. */
export interface NodeStreamLike {
  pipe(destination: unknown): unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener?(event: string, listener: (...args: never[]) => void): unknown;
  resume?(): unknown;
  destroy?(error?: Error): unknown;
}

/** True for a Node-style stream, the way axios recognizes one (an object with `pipe`). */
export function isNodeStream(value: unknown): value is NodeStreamLike {
  return typeof value === 'object' && value !== null && typeof (value as NodeStreamLike).pipe === 'function' && typeof (value as NodeStreamLike).on === 'function';
}

/**
 * Reads a Node-style stream to the end through its events (so it needs no `node:` import and
 * also works for old-style streams such as `form-data`), failing with `body_too_large` as soon as
 * it passes `maxBytes`; the stream is then destroyed, not drained.
 *
 * Not core's `readBounded`: that reads a web `ReadableStream`, and turning this stream into one
 * without `node:stream` (`Readable.toWeb`, not allowed in universal code) takes a hand-made
 * `ReadableStream` with the same listeners, cleanup and destroy-on-cancel as here, plus a promise
 * hop per chunk; only the final copy would be shared. And `readBounded` returns a lone chunk as
 * is, where a Node Buffer must be copied out of its shared pool (see `concat`).
 */
export function readNodeStream(stream: NodeStreamLike, maxBytes: number, request: RedactedRequest): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const cleanup = (): void => {
      stream.removeListener?.('data', onData);
      stream.removeListener?.('end', onEnd);
      stream.removeListener?.('error', onError);
    };
    const onData = (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === 'string' ? utf8(chunk) : chunk;
      size += bytes.byteLength;
      if (size > maxBytes) {
        cleanup();
        stream.destroy?.();
        reject(bodyTooLarge(maxBytes, request));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    // Old-style streams (form-data's CombinedStream) start flowing only when resumed.
    stream.resume?.();
  });
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  // A copy even for one chunk: a Buffer may be a view into a shared pool.
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
