import { percentDecode, percentEncode } from '../../percent-encoding.js';
import { sortCodeUnits } from '../../sort-code-units.js';

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
  // Each pair as one sort key, `name NUL value`: the encoded text is pure ASCII without NUL (it
  // would be %00), so code-unit order of the keys is order by name, then by value, and no pair
  // object is built.
  // The kept list only for queries of ordinary length: the verifier canonicalizes whatever query
  // a sender chooses, and a list kept at the size of the longest one seen would be its to grow.
  const keys = query.length <= MAX_REUSED_QUERY ? reusedKeys : [];
  let count = 0;
  for (let start = 0; start <= query.length; ) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      const hasValue = eq >= 0 && eq < end;
      const name = percentEncode(percentDecode(query.slice(start, hasValue ? eq : end)));
      keys[count++] = hasValue ? `${name}\0${percentEncode(percentDecode(query.slice(eq + 1, end)))}` : `${name}\0`;
    }
    start = end + 1;
  }
  if (count === 0) return '';
  sortCodeUnits(keys, count);
  let joined = keys[0]!;
  for (let i = 1; i < count; i++) joined += `&${keys[i]}`;
  // Let go of this query's strings; the list itself is kept for the next one.
  keys.fill('', 0, count);
  return joined.replaceAll('\0', '=');
}

// One list of sort keys, reused: a new list grown pair by pair cost about 150 bytes a request.
// Safe to share, since nothing runs between filling and reading it. A query of this length has
// at most 256 pairs, so the list never holds more.
const MAX_REUSED_QUERY = 512;
const reusedKeys: string[] = [];
