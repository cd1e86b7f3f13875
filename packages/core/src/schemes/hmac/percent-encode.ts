// RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~". Everything else is encoded,
// upper-case hex (§2.1), byte by byte of its UTF-8 form.
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const encoder = new TextEncoder();

/** Percent-encodes every character but the RFC 3986 unreserved ones, as UTF-8, upper-case hex. */
export function percentEncode(text: string): string {
  if (ALL_UNRESERVED.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
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
