/**
 * Sorts strings in place by UTF-16 code unit, the order every language's byte-wise comparison
 * gives on the ASCII text the signature schemes sort (HMAC's canonical query, OAuth 1.0a's
 * parameters). `Array.prototype.sort` allocates its work state (about 900 bytes on Node 20, even
 * for two strings); a request has a few parameters, which an insertion sort orders without
 * allocating. Long lists still go to the built-in sort. Only the first `length` items are sorted
 * (all by default), so a caller can reuse a longer list.
 */
export function sortCodeUnits(items: string[], length = items.length): void {
  if (length > 16) {
    const sorted = items.slice(0, length).sort();
    for (let i = 0; i < length; i++) items[i] = sorted[i]!;
    return;
  }
  for (let i = 1; i < length; i++) {
    const item = items[i]!;
    let j = i - 1;
    for (; j >= 0 && items[j]! > item; j--) items[j + 1] = items[j]!;
    items[j + 1] = item;
  }
}
