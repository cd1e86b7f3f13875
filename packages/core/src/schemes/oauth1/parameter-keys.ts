import { oauthPercentEncode } from './oauth-percent-encode.js';
import { parseFormEncoded } from './parse-form-encoded.js';

// A parameter as the signer sorts it: name and value encoded per §3.6, then encoded once more as
// the base string encodes the normalized parameters (§3.4.1.1; on §3.6 output only `%` changes,
// to `%25`), joined by NUL. NUL sorts below every character of an encoded string, and `%` → `%25`
// keeps the first difference between two strings where it was, so plain code-unit order of keys
// is §3.4.1.3.2's order: by encoded name, then by encoded value. One string per parameter, sorted
// without a comparator, and the base string is then a join: no normalized string is built only
// to be encoded again.
const SEPARATOR = '\u0000';

/**
 * Form-encoded text that decoding and encoding again (§3.6) leaves as it is: unreserved
 * characters, `&`, `=`, and `%XX` escapes (upper-case hex) of ASCII characters outside the
 * unreserved set. Escapes of non-ASCII bytes can be canonical too, but only when they are valid
 * UTF-8; such text takes the slow path, which gives the same result.
 */
export const CANONICAL_FORM = /^(?:[A-Za-z0-9\-._~&=]|%(?:[01][0-9A-F]|2[0-9A-CF]|3[A-F]|40|5[B-E]|60|7[B-DF]))*$/;

/** A §3.6-encoded string encoded once more, as the base string encodes it (§3.4.1.1): only `%` changes. */
export const twice = (encoded: string): string => (encoded.includes('%') ? encoded.replaceAll('%', '%25') : encoded);

/**
 * The sort key of one parameter whose name and value are already encoded per §3.6 (see
 * {@link joinParameterKeys}).
 */
export function parameterKey(encodedName: string, encodedValue: string): string {
  return `${twice(encodedName)}${SEPARATOR}${twice(encodedValue)}`;
}

/**
 * Appends the sort keys of the parameters of form-encoded text (a query without its `?`, or a
 * form body; RFC 5849 §3.4.1.3.1), in order, duplicates kept, `oauth_signature` excluded. Text
 * that is already canonical (what a client encoding per RFC 3986 sends) is split as it is;
 * any other is decoded and encoded again (`parseFormEncoded`, then §3.6).
 */
export function pushFormParameterKeys(text: string, keys: string[]): void {
  if (text === '') return;
  if (!CANONICAL_FORM.test(text)) {
    for (const [name, value] of parseFormEncoded(text)) {
      if (name !== 'oauth_signature') keys.push(parameterKey(oauthPercentEncode(name), oauthPercentEncode(value)));
    }
    return;
  }
  const doubled = twice(text);
  let start = 0;
  while (start <= doubled.length) {
    let end = doubled.indexOf('&', start);
    if (end < 0) end = doubled.length;
    if (end > start) {
      const eq = doubled.indexOf('=', start);
      if (eq < 0 || eq > end) {
        const name = doubled.slice(start, end);
        if (name !== 'oauth_signature') keys.push(`${name}${SEPARATOR}`);
      } else {
        const name = doubled.slice(start, eq);
        // A later `=` is part of the value: `%3D` once encoded, `%253D` in the base string.
        const value = doubled.slice(eq + 1, end);
        if (name !== 'oauth_signature') keys.push(`${name}${SEPARATOR}${value.includes('=') ? value.replaceAll('=', '%253D') : value}`);
      }
    }
    start = end + 1;
  }
}

/**
 * The encoded normalized parameters of the base string (§3.4.1.3.2, then §3.4.1.1's encoding):
 * sorts `keys` in place and joins them, `name%3Dvalue` with `%26`.
 */
export function joinParameterKeys(keys: string[]): string {
  return keys.sort().join('%26').replaceAll(SEPARATOR, '%3D');
}
