import type { BareItem, SfDictionary, SfInnerList, SfItem } from './structured-field.js';

// RFC 8941 §4.2: parsing. Any deviation fails the whole field (§4.2: "fail parsing"), which here
// means `undefined`: a verifier treats an unparseable Signature-Input as malformed, never guesses.

class Failure extends Error {}

const LCALPHA = /[a-z*]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const ALPHA = /[A-Za-z*]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const DIGIT = /[0-9]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Parses a dictionary field value (RFC 8941 §4.2.2), such as `Signature-Input`, `Signature` or
 * `Content-Digest`. Returns `undefined` when the value is not a valid dictionary.
 *
 * @example
 * ```ts
 * parseDictionary('sig1=:dGVzdA==:')?.get('sig1'); // { kind: 'item', value: { type: 'byte-sequence', … } }
 * ```
 */
export function parseDictionary(input: string): SfDictionary | undefined {
  try {
    return new Parser(input).dictionary();
  } catch (error) {
    if (error instanceof Failure) return undefined;
    throw error;
  }
}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  dictionary(): SfDictionary {
    // §4.2 step 2: discard leading SP; step 6: then only SP may follow the value.
    this.skip(' ');
    const members = new Map<string, SfItem | SfInnerList>();
    while (!this.done()) {
      const key = this.key();
      let member: SfItem | SfInnerList;
      if (this.peek() === '=') {
        this.at++;
        member = this.peek() === '(' ? this.innerList() : this.item();
      } else {
        // §4.2.2: a key without a value is the boolean true, with parameters.
        member = { kind: 'item', value: { type: 'boolean', value: true }, params: this.parameters() };
      }
      // §4.2.2: a later duplicate overwrites the earlier value (Map keeps the first position).
      members.set(key, member);
      this.skipOws();
      if (this.done()) return members;
      if (this.next() !== ',') throw new Failure();
      this.skipOws();
      if (this.done()) throw new Failure(); // a trailing comma
    }
    return members;
  }

  private innerList(): SfInnerList {
    this.at++; // "("
    const items: SfItem[] = [];
    while (!this.done()) {
      this.skip(' ');
      if (this.peek() === ')') {
        this.at++;
        return { kind: 'inner-list', items, params: this.parameters() };
      }
      items.push(this.item());
      const after = this.peek();
      if (after !== ' ' && after !== ')') throw new Failure();
    }
    throw new Failure(); // no closing parenthesis
  }

  private item(): SfItem {
    const value = this.bareItem();
    return { kind: 'item', value, params: this.parameters() };
  }

  private parameters(): Map<string, BareItem> {
    const params = new Map<string, BareItem>();
    while (this.peek() === ';') {
      this.at++;
      this.skip(' ');
      const key = this.key();
      let value: BareItem = { type: 'boolean', value: true };
      if (this.peek() === '=') {
        this.at++;
        value = this.bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  private key(): string {
    const start = this.at;
    if (!LCALPHA.test(this.peek())) throw new Failure();
    while (KEY_CHAR.test(this.peek())) this.at++;
    return this.text.slice(start, this.at);
  }

  private bareItem(): BareItem {
    const c = this.peek();
    if (c === '-' || DIGIT.test(c)) return this.number();
    if (c === '"') return this.string();
    if (c === ':') return this.byteSequence();
    if (c === '?') return this.boolean();
    if (ALPHA.test(c)) return this.token();
    throw new Failure();
  }

  // §4.2.4: at most 15 integer digits; a decimal has at most 12 before and 1 to 3 after the point.
  private number(): BareItem {
    const start = this.at;
    if (this.peek() === '-') this.at++;
    if (!DIGIT.test(this.peek())) throw new Failure();
    while (DIGIT.test(this.peek())) this.at++;
    const integerDigits = this.at - start - (this.text[start] === '-' ? 1 : 0);
    if (this.peek() !== '.') {
      if (integerDigits > 15) throw new Failure();
      return { type: 'integer', value: Number(this.text.slice(start, this.at)) };
    }
    if (integerDigits > 12) throw new Failure();
    this.at++;
    const fractionStart = this.at;
    while (DIGIT.test(this.peek())) this.at++;
    const fractionDigits = this.at - fractionStart;
    if (fractionDigits < 1 || fractionDigits > 3) throw new Failure();
    return { type: 'decimal', value: Number(this.text.slice(start, this.at)) };
  }

  // §4.2.5: printable ASCII; a backslash escapes only DQUOTE and backslash.
  private string(): BareItem {
    this.at++;
    let value = '';
    while (!this.done()) {
      const c = this.next();
      if (c === '\\') {
        const escaped = this.next();
        if (escaped !== '"' && escaped !== '\\') throw new Failure();
        value += escaped;
      } else if (c === '"') {
        return { type: 'string', value };
      } else if (c < '\x20' || c > '\x7e') {
        throw new Failure();
      } else {
        value += c;
      }
    }
    throw new Failure(); // unterminated
  }

  private token(): BareItem {
    const start = this.at;
    this.at++;
    while (TOKEN_CHAR.test(this.peek())) this.at++;
    return { type: 'token', value: this.text.slice(start, this.at) };
  }

  // §4.2.7: base64 between colons.
  private byteSequence(): BareItem {
    this.at++;
    const end = this.text.indexOf(':', this.at);
    if (end < 0) throw new Failure();
    const encoded = this.text.slice(this.at, end);
    this.at = end + 1;
    if (!BASE64.test(encoded)) throw new Failure();
    let binary: string;
    try {
      binary = atob(encoded);
    } catch {
      throw new Failure();
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { type: 'byte-sequence', value: bytes };
  }

  private boolean(): BareItem {
    this.at++;
    const c = this.next();
    if (c === '1') return { type: 'boolean', value: true };
    if (c === '0') return { type: 'boolean', value: false };
    throw new Failure();
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private next(): string {
    const c = this.peek();
    if (c === '') throw new Failure();
    this.at++;
    return c;
  }

  private done(): boolean {
    return this.at >= this.text.length;
  }

  private skip(char: string): void {
    while (this.peek() === char) this.at++;
  }

  // OWS = *( SP / HTAB )
  private skipOws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++;
  }
}
