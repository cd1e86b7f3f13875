// RFC 5849 §3.6: every character but the RFC 3986 unreserved ones (ALPHA, DIGIT, "-", ".", "_",
// "~") is encoded as %XX of its UTF-8 bytes, with upper-case hex. The base string encodes its
// parameter list twice, so this runs on every character of it: native encodeURIComponent does
// the UTF-8 work without a TextEncoder call (and array) per character, and the five characters
// it leaves alone that §3.6 does not (`!'()*`) are fixed after.
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const ESCAPES: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
// A lone surrogate has no UTF-8 form: encodeURIComponent throws on it, TextEncoder writes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes `text` per RFC 5849 §3.6 (the RFC 3986 unreserved set, UTF-8, upper-case hex).
 *
 * @example
 * ```ts
 * oauthPercentEncode("Ladies + Gentlemen, a signed OAuth request!"); // 'Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21'
 * ```
 */
export function oauthPercentEncode(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(LEFT_BY_ENCODE_URI_COMPONENT, (char) => ESCAPES[char]!);
}

/**
 * Decodes `%XX` escapes (RFC 5849 §3.6, reversed). `+` stays a plus: only form encoding reads it
 * as a space (see {@link parseFormEncoded}). A stray or invalid escape is kept literally, so the
 * base string of a malformed request is still defined (its `%` is then encoded as `%25`).
 */
export function oauthPercentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Decode each run of escapes that is valid UTF-8; keep any other run literally.
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
