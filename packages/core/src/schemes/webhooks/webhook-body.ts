/** A webhook body as Signet signs or verifies it: the exact bytes, or a string sent as UTF-8. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

const encoder = new TextEncoder();

/**
 * The bytes of a webhook body, or a `TypeError` naming `caller` when the value is not a raw body.
 * A parsed object (what a JSON body parser hands over) gets a message saying how to get the raw
 * body instead, since a signature covers bytes and re-serializing JSON does not reproduce them.
 */
export function webhookBodyBytes(body: unknown, caller: string, howToGetRaw: string): Uint8Array {
  const raw = webhookBody(body, caller, howToGetRaw);
  return typeof raw === 'string' ? encoder.encode(raw) : raw;
}

/**
 * Like {@link webhookBodyBytes}, but a string stays a string: hashing it as UTF-8 directly saves
 * encoding it into a new array first.
 */
export function webhookBody(body: unknown, caller: string, howToGetRaw: string): string | Uint8Array {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (isParsed(body)) {
    throw new TypeError(
      `${caller}: body is a parsed ${Array.isArray(body) ? 'array' : 'object'}, but a webhook signature covers the exact bytes of the body, ` +
        `and re-serializing JSON does not reproduce them. ${howToGetRaw}`,
    );
  }
  const kind = body === null ? 'null' : typeof body === 'object' ? (Object.getPrototypeOf(body)?.constructor?.name ?? 'object') : typeof body;
  throw new TypeError(`${caller}: body must be the raw body, a string, Uint8Array (or Buffer) or ArrayBuffer; got ${kind}. ${howToGetRaw}`);
}

function isParsed(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
