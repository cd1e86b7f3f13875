import type { IncomingHttpHeaders } from 'node:http';
import { SigningHeaders } from '@signet/core';

/** Headers as Node code passes them: a record (`OutgoingHttpHeaders`), `[name, value]` pairs, a flat list, or `Headers`. */
export type NodeHeaders =
  | Headers
  | Readonly<Record<string, string | number | readonly string[] | null | undefined>>
  | Iterable<readonly [string, string]>
  | readonly (string | Buffer)[];

/**
 * Reads any of Node's and undici's header shapes into fresh headers for the send loop, which
 * schemes sign into ({@link SigningHeaders}). Repeated values are appended (so joined with `, `
 * as fetch does).
 */
export function toHeaders(input: NodeHeaders | null | undefined): SigningHeaders {
  const headers = new SigningHeaders();
  if (input === null || input === undefined) return headers;
  if (Array.isArray(input) && (input.length === 0 || !Array.isArray(input[0]))) {
    // undici's flat form: [name, value, name, value, …], names and values possibly Buffers.
    const flat = input as readonly (string | Buffer)[];
    for (let i = 0; i + 1 < flat.length; i += 2) headers.append(String(flat[i]), String(flat[i + 1]));
    return headers;
  }
  if (input instanceof Headers || Symbol.iterator in input) {
    for (const [name, value] of input as Iterable<readonly [string, string]>) headers.append(name, value);
    return headers;
  }
  appendRecord(headers, input as IncomingHttpHeaders);
  return headers;
}

/** Appends a header record, skipping `undefined`/`null` values as Node does. */
export function appendRecord(headers: Headers, record: Readonly<Record<string, string | number | readonly string[] | null | undefined>>): Headers {
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) headers.append(name, item);
    else headers.append(name, String(value));
  }
  return headers;
}

/** A `Headers` as the plain record `http.request` takes (lower-case names, as `Headers` iterates them). */
export function toHeaderRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) record[name] = value;
  return record;
}
