import { sortCodeUnits } from '../../sort-code-units.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';
import { CANONICAL_FORM, joinParameterKeys, parameterKey, pushFormParameterKeys, twice } from './parameter-keys.js';
import type { OAuth1Parameter } from './parse-form-encoded.js';

/**
 * Encodes a request's signed parameters with its protocol parameters, as they appear in the base
 * string: normalized (§3.4.1.3.2), then encoded once more (§3.4.1.1). `form` is the query
 * without its `?` and the text of a form body, joined by `&` (both are form-encoded, §3.4.1.3.1,
 * and empty parts are no parameters, so the join is the same list); the timestamp, the nonce and
 * the body hash (or `undefined`) are already encoded per §3.6.
 */
export type SignedParametersEncoder = (form: string, timestamp: string, nonce: string, bodyHash: string | undefined) => string;

const TIMESTAMP = 'oauth_timestamp';
const NONCE = 'oauth_nonce';

/**
 * A {@link SignedParametersEncoder} for a credential's constant protocol parameters (decoded).
 *
 * Protocol parameter names are distinct, so their order is by name alone, known here: per request
 * they are one block with holes for the timestamp, the nonce and the body hash. When no request
 * parameter's name begins with `oauth_`, none can sort inside that block, and when no name holds
 * an escape, `name%3Dvalue` strings sort as (name, value) pairs do (`%` sorts below every other
 * character of an encoded string): the request's parameters are then sorted among themselves and
 * placed around the block. Canonical text (see `CANONICAL_FORM`) is split as it is, and only its
 * escapes change for the base string (`%` → `%25`). Anything else (an `oauth_` name, an escape in
 * a name, text that is not canonical) takes the general path: one sort key per parameter
 * (`parameter-keys.ts`).
 */
export function signedParametersEncoder(constant: readonly OAuth1Parameter[]): SignedParametersEncoder {
  const constantKeys = constant.map(([name, value]) => parameterKey(oauthPercentEncode(name), oauthPercentEncode(value)));
  const item = ([name, value]: OAuth1Parameter) => `${twice(oauthPercentEncode(name))}%3D${twice(oauthPercentEncode(value))}`;
  const sorted = [...constant].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const block = (from: string, to: string) =>
    sorted
      .filter(([name]) => name > from && name < to)
      .map((pair) => `${item(pair)}%26`)
      .join('');
  // oauth_body_hash sorts before every other protocol parameter: it opens the block when present.
  const untilNonce = `${block('', NONCE)}${NONCE}%3D`;
  const untilTimestamp = `%26${block(NONCE, TIMESTAMP)}${TIMESTAMP}%3D`;
  const afterTimestamp = block(TIMESTAMP, '\uffff');
  const tail = afterTimestamp === '' ? '' : `%26${afterTimestamp.slice(0, -'%26'.length)}`;

  return (form, timestamp, nonce, bodyHash) => {
    const items: string[] = [];
    if (!pushCanonicalItems(form, items)) {
      const keys = constantKeys.slice();
      keys.push(parameterKey(TIMESTAMP, timestamp), parameterKey(NONCE, nonce));
      if (bodyHash !== undefined) keys.push(parameterKey('oauth_body_hash', bodyHash));
      pushFormParameterKeys(form, keys);
      return joinParameterKeys(keys);
    }
    let protocolBlock = `${untilNonce}${twice(nonce)}${untilTimestamp}${twice(timestamp)}${tail}`;
    if (bodyHash !== undefined) protocolBlock = `oauth_body_hash%3D${twice(bodyHash)}%26${protocolBlock}`;
    if (items.length === 0) return protocolBlock;
    sortCodeUnits(items);
    let out = '';
    let placed = false;
    for (const text of items) {
      if (!placed && text > 'oauth_') {
        out = out === '' ? protocolBlock : `${out}%26${protocolBlock}`;
        placed = true;
      }
      out = out === '' ? text : `${out}%26${text}`;
    }
    return placed ? out : `${out}%26${protocolBlock}`;
  };
}

/**
 * Appends the base-string form (`name%3Dvalue`, encoded twice) of each parameter of canonical
 * form-encoded text whose name has no escape and does not begin with `oauth_`. Returns false,
 * having appended any number, when the text is not canonical or a parameter does not qualify.
 */
function pushCanonicalItems(text: string, items: string[]): boolean {
  if (text === '') return true;
  if (!CANONICAL_FORM.test(text)) return false;
  // Parsed with one-character searches (`&`, `=`, `%`), which are much cheaper than searching for
  // `%26` or `%3D` in an encoded copy; only values that hold an escape are encoded.
  const length = text.length;
  let escape = -1;
  for (let start = 0; start < length; ) {
    let end = text.indexOf('&', start);
    if (end < 0) end = length;
    if (end > start) {
      if (text.startsWith('oauth_', start)) return false;
      let eq = text.indexOf('=', start);
      if (eq < 0 || eq > end) eq = end;
      if (escape < start) {
        escape = text.indexOf('%', start);
        if (escape < 0) escape = length;
      }
      if (escape < eq) return false;
      if (eq === end) {
        // A name without `=`: an empty value.
        items.push(`${text.slice(start, end)}%3D`);
      } else {
        let value = text.slice(eq + 1, end);
        const later = text.indexOf('=', eq + 1);
        // A later `=` is part of the value: `%3D` once encoded, `%253D` here. Otherwise, on
        // canonical text, encodeURIComponent changes only `%` (to `%25`), as the base string does.
        if (later >= 0 && later < end) value = value.replaceAll('%', '%25').replaceAll('=', '%253D');
        else if (escape < end) value = encodeURIComponent(value);
        items.push(`${text.slice(start, eq)}%3D${value}`);
      }
    }
    start = end + 1;
  }
  return true;
}
