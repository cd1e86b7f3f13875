import { SignetRequestError } from '../errors/request-error.js';
import type { RedactedRequest } from '../secret/redact-request.js';

/**
 * Reads a byte stream to the end, failing with `body_too_large` as soon as it passes `maxBytes`
 * (the stream is cancelled, not drained). Used by adapters to buffer bodies a scheme must read.
 */
export async function readBounded(stream: ReadableStream<Uint8Array>, maxBytes: number, request: RedactedRequest): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes, request);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The `body_too_large` error, shared by every path that buffers a body. */
export function bodyTooLarge(maxBytes: number, request: RedactedRequest): SignetRequestError {
  return new SignetRequestError(
    'body_too_large',
    `the request body is larger than maxBodyBytes (${maxBytes} bytes), the most Signet buffers for a scheme that signs bodies`,
    request,
  );
}
