import { base64 } from '../../encoding.js';
import type { BareItem, SfDictionary, SfInnerList, SfItem, SfParameters } from './structured-field.js';

// RFC 8941 §4.1: the serialization algorithms. RFC 9421 §2.5 builds the signature base from these
// exact strings, so signer and verifier must produce them byte for byte. Values that cannot be
// serialized throw a TypeError: they are programming errors, checked earlier for user input.

// RFC 8941 §3.1.2: key = ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )
const KEY = /^[a-z*][a-z0-9_\-.*]*$/;
// RFC 8941 §3.3.4: sf-token = ( ALPHA / "*" ) *( tchar / ":" / "/" )
const TOKEN = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*$/;
// RFC 8941 §3.3.3: a String holds printable ASCII only.
const PRINTABLE = /^[\x20-\x7e]*$/;
const MAX_INTEGER = 999_999_999_999_999;

/** Whether `key` is a valid dictionary or parameter key (RFC 8941 §3.1.2). */
export function isStructuredFieldKey(key: string): boolean {
  return KEY.test(key);
}

/** Whether `text` can be serialized as an sf-string (printable ASCII, RFC 8941 §3.3.3). */
export function isStructuredFieldString(text: string): boolean {
  return PRINTABLE.test(text);
}

/**
 * Serializes a bare item (RFC 8941 §4.1.3).
 *
 * @example
 * ```ts
 * serializeBareItem({ type: 'string', value: 'a "b"' }); // '"a \\"b\\""'
 * ```
 */
export function serializeBareItem(item: BareItem): string {
  switch (item.type) {
    case 'integer':
      // §4.1.4: at most 15 digits.
      if (!Number.isInteger(item.value) || Math.abs(item.value) > MAX_INTEGER) throw new TypeError('Signet: not a structured-field integer');
      return String(item.value);
    case 'decimal':
      return serializeDecimal(item.value);
    case 'string':
      // §4.1.6: escape only DQUOTE and backslash.
      if (!PRINTABLE.test(item.value)) throw new TypeError('Signet: a structured-field string holds printable ASCII only');
      return `"${item.value.replace(/["\\]/g, '\\$&')}"`;
    case 'token':
      if (!TOKEN.test(item.value)) throw new TypeError('Signet: not a structured-field token');
      return item.value;
    case 'byte-sequence':
      // §4.1.8: standard base64 with padding, between colons.
      return `:${base64(item.value)}:`;
    case 'boolean':
      return item.value ? '?1' : '?0';
  }
}

// §4.1.5: round to three fractional digits (half to even), at most 12 integer digits, at least one
// fractional digit, no trailing zeros.
function serializeDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError('Signet: not a structured-field decimal');
  const scaled = value * 1000;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const rounded = rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  if (Math.abs(Math.trunc(rounded / 1000)) > 999_999_999_999) throw new TypeError('Signet: not a structured-field decimal');
  const sign = rounded < 0 ? '-' : '';
  const digits = String(Math.abs(rounded)).padStart(4, '0');
  const fraction = digits.slice(-3).replace(/0+$/, '') || '0';
  return `${sign}${digits.slice(0, -3)}.${fraction}`;
}

/** Serializes parameters (RFC 8941 §4.1.1.2): `;key=value`, or `;key` for a true boolean. */
export function serializeParameters(params: SfParameters): string {
  let out = '';
  for (const [key, value] of params) {
    if (!KEY.test(key)) throw new TypeError('Signet: not a structured-field key');
    out += value.type === 'boolean' && value.value ? `;${key}` : `;${key}=${serializeBareItem(value)}`;
  }
  return out;
}

/** Serializes an item with its parameters (RFC 8941 §4.1.3). */
export function serializeItem(item: SfItem): string {
  return serializeBareItem(item.value) + serializeParameters(item.params);
}

/**
 * Serializes an inner list (RFC 8941 §4.1.1.1): items separated by one space, in parentheses, then
 * the list's parameters. RFC 9421 §2.3 uses this exact string as the `@signature-params` value.
 *
 * @example
 * ```ts
 * serializeInnerList(list); // '("@method" "@path");created=1618884473;keyid="k"'
 * ```
 */
export function serializeInnerList(list: SfInnerList): string {
  return `(${list.items.map(serializeItem).join(' ')})${serializeParameters(list.params)}`;
}

/** Serializes a dictionary (RFC 8941 §4.1.2): members separated by `, `; a true boolean member is its key alone. */
export function serializeDictionary(dictionary: SfDictionary): string {
  const members: string[] = [];
  for (const [key, member] of dictionary) {
    if (!KEY.test(key)) throw new TypeError('Signet: not a structured-field key');
    if (member.kind === 'inner-list') members.push(`${key}=${serializeInnerList(member)}`);
    else if (member.value.type === 'boolean' && member.value.value) members.push(key + serializeParameters(member.params));
    else members.push(`${key}=${serializeItem(member)}`);
  }
  return members.join(', ');
}
