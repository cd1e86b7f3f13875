import { util } from 'undici';
import { appendRecord } from './node-headers.js';

// RFC 9110 §5.1: a field name is a token. Anything else goes to Headers itself, which throws.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A header record as undici parses a response: lower-case names, repeated fields as arrays. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | null | undefined>>;

/** A header list as undici's HTTP parser gives it: name, value, name, value, … (Buffers or strings). */
export type RawHeaderList = readonly (Buffer | string | readonly (Buffer | string)[])[];

/**
 * The `Headers` of a response as undici gives it, a parsed record or the parser's raw list,
 * filled only when used. The send loop reads one or two fields of every response (`date`,
 * `location`) and most credentials none; copying every field into a `Headers` (a validated
 * `append` each) cost more than the rest of the response handling. `get` and `has` read the
 * record or the list directly, with the same result `Headers` gives (names case-insensitive,
 * values trimmed of HTTP whitespace, repeated values joined with `, `, Fetch standard §5.2);
 * every other use fills the `Headers` first, once. A raw list is read as undici's own
 * `parseHeaders` reads it (names and values as latin1).
 */
export class RecordHeaders extends Headers {
  #record: HeaderRecord | undefined;
  #raw: RawHeaderList | undefined;

  constructor(record: HeaderRecord) {
    super();
    this.#record = record;
  }

  /** The headers of a raw list, parsed only if something other than `get`/`has` needs them. */
  static fromRawList(raw: RawHeaderList): RecordHeaders {
    const headers = new RecordHeaders(EMPTY);
    headers.#record = undefined;
    headers.#raw = raw;
    return headers;
  }

  override get(name: string): string | null {
    const record = this.#record;
    if ((record === undefined && this.#raw === undefined) || typeof name !== 'string' || !TOKEN.test(name)) {
      this.#fill();
      return super.get(name);
    }
    const value = record === undefined ? inRawList(this.#raw!, name.toLowerCase()) : own(record, name.toLowerCase());
    if (value === undefined) return null;
    return Array.isArray(value) ? value.map(trimValue).join(', ') : trimValue(value);
  }
  override has(name: string): boolean {
    const record = this.#record;
    if ((record === undefined && this.#raw === undefined) || typeof name !== 'string' || !TOKEN.test(name)) {
      this.#fill();
      return super.has(name);
    }
    return (record === undefined ? inRawList(this.#raw!, name.toLowerCase()) : own(record, name.toLowerCase())) !== undefined;
  }
  override append(name: string, value: string): void {
    this.#fill();
    super.append(name, value);
  }
  override set(name: string, value: string): void {
    this.#fill();
    super.set(name, value);
  }
  override delete(name: string): void {
    this.#fill();
    super.delete(name);
  }
  override getSetCookie(): string[] {
    this.#fill();
    return super.getSetCookie();
  }
  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }
  override keys(): ReturnType<Headers['keys']> {
    this.#fill();
    return super.keys();
  }
  override values(): ReturnType<Headers['values']> {
    this.#fill();
    return super.values();
  }
  override entries(): ReturnType<Headers['entries']> {
    this.#fill();
    return super.entries();
  }
  override [Symbol.iterator](): ReturnType<Headers['entries']> {
    this.#fill();
    return super.entries();
  }
  [INSPECT](...args: unknown[]): unknown {
    this.#fill();
    return (Headers.prototype as unknown as Record<symbol, ((...a: unknown[]) => unknown) | undefined>)[INSPECT]?.apply(this, args);
  }

  // Copies the record in, as a Headers built from it would hold it; from then on this is a plain
  // Headers. The record is dropped first, so the appends below reach Headers itself.
  #fill(): void {
    const raw = this.#raw;
    const record = raw === undefined ? this.#record : (util.parseHeaders(raw as (Buffer | string)[]) as HeaderRecord);
    if (record === undefined) return;
    this.#record = undefined;
    this.#raw = undefined;
    appendRecord(this, record);
  }
}

const EMPTY: HeaderRecord = {};

// A field's values in a raw list, as undici's parseHeaders records them: every value whose name
// is `lower` (ASCII case-insensitively, read as latin1), in order; one value is not put in an array.
function inRawList(raw: RawHeaderList, lower: string): string | string[] | undefined {
  let first: string | undefined;
  let all: string[] | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!isName(raw[i]!, lower)) continue;
    const entry = raw[i + 1]!;
    const count = Array.isArray(entry) ? entry.length : 1;
    for (let j = 0; j < count; j++) {
      const value = latin1((Array.isArray(entry) ? entry[j] : entry) as Buffer | string);
      if (first === undefined) first = value;
      else (all ??= [first]).push(value);
    }
  }
  return all ?? first;
}

function isName(name: Buffer | string | readonly (Buffer | string)[], lower: string): boolean {
  if (name.length !== lower.length) return false;
  if (typeof name === 'string') return name.toLowerCase() === lower;
  if (Array.isArray(name)) return false;
  const bytes = name as Buffer;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // Only A–Z fold, as toLowerCase does for ASCII; a non-ASCII byte never matches a token.
    if ((byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function latin1(value: Buffer | string): string {
  return typeof value === 'string' ? value : value.toString('latin1');
}

function own(record: HeaderRecord, name: string): string | readonly string[] | undefined {
  if (!Object.hasOwn(record, name)) return undefined;
  const value = record[name];
  return value === null ? undefined : value;
}

// Fetch standard §5.2 "normalize": strip leading and trailing HTTP whitespace (tab, LF, CR, space).
function trimValue(value: unknown): string {
  const text = String(value);
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return isHttpWhitespace(first) || isHttpWhitespace(last) ? text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : text;
}

function isHttpWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}
