// The body kinds every adapter must handle, with the bytes the server must receive for each.
// Each driver turns a kind into its client's own value (a fetch ReadableStream, a node Readable…).

/** A body as the suite names it; drivers translate it. */
export type BodyKind = 'none' | 'string' | 'bytes' | 'json' | 'form' | 'stream';

export const BODY_KINDS: readonly BodyKind[] = ['none', 'string', 'bytes', 'json', 'form', 'stream'];

export const STRING_BODY = 'hello, conformance — ünïcode';
/** Exactly sized, so no adapter can send a larger underlying buffer by mistake. */
export const bytesBody = (): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: 64 }, (_, i) => (i * 7) % 256);
export const JSON_BODY = { sku: 'A-1', qty: 2, note: 'ünïcode' };
export const formBody = (): URLSearchParams => new URLSearchParams({ status: 'Hello Ladies + Gentlemen', n: '2' });
/** The stream's chunks: three, so a driver cannot pass with a single read. */
export const streamChunks = (): Uint8Array[] => [0, 1, 2].map((i) => new Uint8Array(100).fill(65 + i));

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

/** How many bytes the server must receive for each kind. */
export const EXPECTED_BYTES: Readonly<Record<BodyKind, number>> = {
  none: 0,
  string: utf8(STRING_BODY),
  bytes: 64,
  json: utf8(JSON.stringify(JSON_BODY)),
  form: utf8(formBody().toString()),
  stream: 300,
};

/**
 * A kind as a client's users commonly pass it: JSON as its text, a form as \`URLSearchParams\`, the
 * stream made by \`stream\` (each client has its own kind of stream). \`as\` gives the kinds a
 * client's users pass differently (axios takes JSON as an object).
 */
export function bodyValue(kind: BodyKind, stream: () => unknown, as: Partial<Record<BodyKind, () => unknown>> = {}): unknown {
  const own = as[kind];
  if (own !== undefined) return own();
  switch (kind) {
    case 'none':
      return undefined;
    case 'string':
      return STRING_BODY;
    case 'bytes':
      return bytesBody();
    case 'json':
      return JSON.stringify(JSON_BODY);
    case 'form':
      return formBody();
    case 'stream':
      return stream();
  }
}

/** The request headers a driver sends: the test's own, after a JSON body's content type (as its users set it). */
export function headersWithType(kind: BodyKind, headers: Readonly<Record<string, string>> | undefined, form?: string): Record<string, string> {
  const type = kind === 'json' ? 'application/json' : kind === 'form' ? form : undefined;
  return { ...(type === undefined ? {} : { 'content-type': type }), ...headers };
}

/** Whether a client can send this kind twice without Signet buffering it. */
export const isOneShot = (kind: BodyKind): boolean => kind === 'stream';
