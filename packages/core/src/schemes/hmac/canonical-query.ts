import { percentDecode, percentEncode } from '../../percent-encoding.js';

/**
 * The canonical form of a query string (the part after `?`, with or without it): each `name=value`
 * pair split at the first `=`, both halves decoded and re-encoded (RFC 3986 unreserved set), sorted
 * by encoded name then encoded value, joined with `&`. Repeated names and empty values are kept;
 * a key without `=` becomes `name=`. So any two encodings of the same query (`%7E` or `~`, `%20`,
 * lower- or upper-case hex, another order) sign alike, and any change of a name or value does not.
 *
 * @example
 * ```ts
 * canonicalQuery('?b=2&a=%7e&a=1&flag'); // 'a=1&a=~&b=2&flag='
 * ```
 */
export function canonicalQuery(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([percentEncode(percentDecode(name)), percentEncode(percentDecode(value))]);
  }
  // Code-unit order of the encoded (pure ASCII) strings: the same in every language.
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}
