/**
 * The headers of one request while the send loop owns them. Between `beginAttempt()` and
 * `endAttempt()` a scheme may write into them ({@link withHeader} and {@link withHeaders} do, in
 * place), and the loop undoes those writes before the next attempt (a re-send for auth, a retry, a
 * redirect hop), so every attempt starts from the request's own headers.
 *
 * Why: authorizing used to copy the request's `Headers` to add one header, a second copy on top
 * of the one every adapter makes of its client's headers (about 0.9 kB and half a microsecond per
 * request with undici's `Headers`). Undoing an attempt's few writes costs less than that copy.
 *
 * An adapter builds one from its client's headers and hands it to the send loop, which owns it
 * from then on; any other `Headers` the loop is given is copied into one first, so a caller's own
 * object is never written to. Outside an attempt it is an ordinary `Headers`.
 *
 * @example
 * ```ts
 * const request = { method: 'GET', url, headers: new SigningHeaders({ accept: 'application/json' }), body: undefined };
 * await loop.send(request, transport); // the loop now owns request.headers
 * ```
 */
export class SigningHeaders extends Headers {
  #inAttempt = false;
  // What the attempt wrote, with each name's value before the attempt (null when absent): the
  // first name in two fields, since most schemes write one header; any others in a flat list of
  // [name, value before, …]. Allocating a list per attempt cost more than the fields.
  #firstName: string | undefined;
  #firstBefore: string | null = null;
  #more: (string | null)[] | undefined;

  /** True between `beginAttempt()` and `endAttempt()`: a scheme may write, and the write will be undone. */
  get inAttempt(): boolean {
    return this.#inAttempt;
  }

  override set(name: string, value: string): void {
    if (this.#inAttempt) this.#remember(name);
    super.set(name, value);
  }

  override append(name: string, value: string): void {
    if (this.#inAttempt) this.#remember(name);
    super.append(name, value);
  }

  override delete(name: string): void {
    if (this.#inAttempt) this.#remember(name);
    super.delete(name);
  }

  /** Undoes the previous attempt's writes, if any, and records this one's. The send loop calls it before each authorize. */
  beginAttempt(): void {
    this.endAttempt();
    this.#inAttempt = true;
  }

  /** Undoes the writes made since `beginAttempt()` and stops recording. Safe to call outside an attempt. */
  endAttempt(): void {
    this.#inAttempt = false;
    const more = this.#more;
    if (more !== undefined) {
      this.#more = undefined;
      for (let i = more.length - 2; i >= 0; i -= 2) this.#putBack(more[i]!, more[i + 1]!);
    }
    const first = this.#firstName;
    if (first !== undefined) {
      this.#firstName = undefined;
      this.#putBack(first, this.#firstBefore);
    }
  }

  #putBack(name: string, before: string | null): void {
    if (before === null) super.delete(name);
    else super.set(name, before);
  }

  #remember(name: string): void {
    // Header names are case-insensitive (RFC 9110 §5.1); Headers keeps them lower-cased.
    const key = name.toLowerCase();
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
