/**
 * The headers of one request while the send loop owns them. Between `beginAttempt()` and
 * `endAttempt()` a scheme may write into them ({@link withHeader} and {@link withHeaders} do, in
 * place), and each write is recorded with the value it replaced. The next attempt (a re-send for
 * auth, a retry, a redirect hop) starts from `beforeAttempt()`: a new copy without those writes.
 * The headers an attempt was sent with are never changed afterwards, so whatever the transport
 * (or a fetch mock that keeps them) holds still shows what went out.
 *
 * Why: authorizing used to copy the request's `Headers` to add one header, a second copy on top
 * of the one every adapter makes of its client's headers (about 0.9 kB and half a microsecond per
 * request with undici's `Headers`). Now a request makes one copy, and a second only when it is
 * sent again.
 *
 * An adapter builds one from its client's headers and hands it to the send loop, which claims it
 * (`claim()`) and owns it from then on; any other `Headers`, and SigningHeaders another send has
 * claimed already, are copied first, so neither a caller's object nor another request's is ever
 * written. Outside an attempt it is an ordinary `Headers`.
 *
 * @example
 * ```ts
 * const request = { method: 'GET', url, headers: new SigningHeaders({ accept: 'application/json' }), body: undefined };
 * await loop.send(request, transport); // the loop now owns request.headers
 * ```
 */
export class SigningHeaders extends Headers {
  #inAttempt = false;
  #claimed = false;
  // What attempts wrote, with each name's value before the first attempt (null when absent): the
  // first name in two fields, since most schemes write one header; any others in a flat list of
  // [name, value before, …]. Allocating a list per attempt cost more than the fields.
  #firstName: string | undefined;
  #firstBefore: string | null = null;
  #more: (string | null)[] | undefined;

  /** True between `beginAttempt()` and `endAttempt()`: a scheme may write, and each write is recorded. */
  get inAttempt(): boolean {
    return this.#inAttempt;
  }

  /**
   * Takes these headers for one send: true the first time, false ever after. The send loop claims
   * what it is given, and copies headers another send claimed already (`beforeAttempt()`).
   */
  claim(): boolean {
    if (this.#claimed) return false;
    this.#claimed = true;
    return true;
  }

  override set(name: string, value: string): void {
    // `#inAttempt in this`: Headers' constructor may call this before the fields exist (see below).
    if (#inAttempt in this && this.#inAttempt) this.#remember(name);
    super.set(name, value);
  }

  override append(name: string, value: string): void {
    if (#inAttempt in this && this.#inAttempt) this.#remember(name);
    super.append(name, value);
  }

  override delete(name: string): void {
    if (#inAttempt in this && this.#inAttempt) this.#remember(name);
    super.delete(name);
  }

  /** Starts recording writes, for one attempt. The send loop calls it before each authorize. */
  beginAttempt(): void {
    this.#inAttempt = true;
  }

  /** Stops recording; the writes stay: these are the headers the attempt is sent with. */
  endAttempt(): void {
    this.#inAttempt = false;
  }

  /** A new `SigningHeaders` holding these headers as they were before any attempt wrote to them. These are left as they are. */
  beforeAttempt(): SigningHeaders {
    const before = new SigningHeaders(this);
    const more = this.#more;
    if (more !== undefined) for (let i = 0; i < more.length; i += 2) putBack(before, more[i]!, more[i + 1]!);
    if (this.#firstName !== undefined) putBack(before, this.#firstName, this.#firstBefore);
    return before;
  }

  // Private fields and methods are set up only after Headers' constructor has run, so a Headers
  // implementation whose constructor calls this.append (the whatwg-fetch polyfill, which React
  // Native uses) reaches the overrides before they exist: hence the `in` checks there.

  #remember(name: string): void {
    // Header names are case-insensitive (RFC 9110 §5.1); Headers keeps them lower-cased.
    const key = String(name).toLowerCase();
    if (key === this.#firstName) return;
    const more = this.#more;
    if (more !== undefined) for (let i = 0; i < more.length; i += 2) if (more[i] === key) return;
    let before: string | null;
    try {
      // get() gives the combined value, which is what the request sends (RFC 9110 §5.3).
      before = super.get(key);
    } catch {
      // An invalid name: the write itself throws Headers' own error, and changes nothing.
      return;
    }
    if (this.#firstName === undefined) {
      this.#firstName = key;
      this.#firstBefore = before;
    } else (this.#more ??= []).push(key, before);
  }
}

function putBack(headers: Headers, name: string, before: string | null): void {
  if (before === null) headers.delete(name);
  else headers.set(name, before);
}
