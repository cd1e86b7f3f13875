import { oauthPercentDecode } from './oauth-percent-encode.js';

/** A decoded `name=value` pair. Names repeat; order is the order of appearance. */
export type OAuth1Parameter = readonly [name: string, value: string];

/**
 * Parses `application/x-www-form-urlencoded` text (HTML 4.01 §17.13.4, as RFC 5849
 * §3.4.1.3.1 requires for both the query and a form body) into decoded pairs: split on `&`
 * (empty parts dropped), then at the first `=` (none means an empty value), `+` read as a
 * space, then percent-decoded. Repeated names are all kept.
 *
 * @example
 * ```ts
 * parseFormEncoded('c2&a3=2+q'); // [['c2', ''], ['a3', '2 q']]
 * ```
 */
export function parseFormEncoded(text: string): OAuth1Parameter[] {
  const query = text.startsWith('?') ? text.slice(1) : text;
  const pairs: OAuth1Parameter[] = [];
  if (query === '') return pairs;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([formDecode(name), formDecode(value)]);
  }
  return pairs;
}

function formDecode(text: string): string {
  return oauthPercentDecode(text.includes('+') ? text.replace(/\+/g, ' ') : text);
}
