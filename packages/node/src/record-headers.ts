import { appendRecord } from './node-headers.js';

// RFC 9110 §5.1: a field name is a token. Anything else goes to Headers itself, which throws.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A header record as undici parses a response: lower-case names, repeated fields as arrays. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | null | undefined>>;

/**
 * The `Headers` of a response undici has already parsed into a record, filled only when used.
 * The send loop reads one or two fields of every response (`date`, `location`) and most credentials
 * none; copying every field into a `Headers` (a validated `append` each) cost more than the rest of
 * the response handling. `get` and `has` read the record directly, with the same result `Headers`
 * gives (names case-insensitive, values trimmed of HTTP whitespace, repeated values joined with
 * `, `, Fetch standard §5.2); every other use fills the `Headers` first, once.
 */
export class RecordHeaders extends Headers {
  #record: HeaderRecord | undefined;

  constructor(record: HeaderRecord) {
    super();
    this.#record = record;
  }

  override get(name: string): string | null {
    const record = this.#record;
    if (record === undefined || typeof name !== 'string' || !TOKEN.test(name)) {
      this.#fill();
      return super.get(name);
    }
    const value = own(record, name.toLowerCase());
    if (value === undefined) return null;
    return Array.isArray(value) ? value.map(trimValue).join(', ') : trimValue(value);
  }
  override has(name: string): boolean {
    const record = this.#record;
    if (record === undefined || typeof name !== 'string' || !TOKEN.test(name)) {
      this.#fill();
      return super.has(name);
    }
    return own(record, name.toLowerCase()) !== undefined;
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
    const record = this.#record;
    if (record === undefined) return;
    this.#record = undefined;
    appendRecord(this, record);
  }
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
