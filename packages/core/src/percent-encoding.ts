// Percent-encoding as the signature schemes canonicalize it: shared by HMAC-SHA256 and OAuth 1.0a,
// so the two cannot drift apart.

// RFC 3986 §2.1 and §2.3 (RFC 5849 §3.6 is the same rule): every character but the unreserved
// ones (ALPHA, DIGIT, "-", ".", "_", "~") is encoded as %XX of its UTF-8 bytes, upper-case hex.
// This runs over whole signature base strings, so native encodeURIComponent does the UTF-8 work
// (no TextEncoder call and array per character), and the five characters it leaves alone that
// the rule does not (`!'()*`) are fixed after.
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const HAS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/;
const ESCAPES: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
// A lone surrogate has no UTF-8 form: encodeURIComponent throws on it, TextEncoder writes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes `text`: everything but the RFC 3986 unreserved set, as UTF-8, upper-case hex.
 *
 * @example
 * ```ts
 * percentEncode("Ladies + Gentlemen, a signed OAuth request!"); // 'Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21'
 * ```
 */
export function percentEncode(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  const encoded = encodeUtf8Component(text);
  // Most text has none of the five: skip the replace (a callback per match) when there is none.
  return HAS_LEFT_BY_ENCODE_URI_COMPONENT.test(encoded) ? encoded.replace(LEFT_BY_ENCODE_URI_COMPONENT, (char) => ESCAPES[char]!) : encoded;
}

// encodeURIComponent, with lone surrogates as U+FFFD; the try is kept out of percentEncode.
function encodeUtf8Component(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

/**
 * Decodes `%XX` escapes to the text they encode. `+` stays a plus: in a URL it is a literal
 * character (only form bodies read it as a space). A stray or invalid escape is kept as it is,
 * so the canonical form of a malformed URL is still defined (its `%` becomes `%25`).
 */
export function percentDecode(text: string): string {
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
