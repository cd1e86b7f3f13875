import { oauthPercentEncode } from './oauth-percent-encode.js';
import type { OAuth1Parameter } from './parse-form-encoded.js';

/**
 * Normalizes decoded parameters (RFC 5849 §3.4.1.3.2): each name and value encoded per §3.6,
 * sorted by encoded name then encoded value (byte order), joined as `name=value` with `&`.
 * Repeated names are all kept; an empty value gives `name=`.
 *
 * @example
 * ```ts
 * normalizeParameters([['b5', '=%3D'], ['a3', 'a'], ['c@', ''], ['a3', '2 q']]); // 'a3=2%20q&a3=a&b5=%3D%253D&c%40='
 * ```
 */
export function normalizeParameters(parameters: readonly OAuth1Parameter[]): string {
  return normalizeEncodedParameters(parameters.map(encodePair));
}

/** A parameter with its name and value encoded per §3.6. */
export function encodePair([name, value]: OAuth1Parameter): OAuth1Parameter {
  return [oauthPercentEncode(name), oauthPercentEncode(value)];
}

/**
 * {@link normalizeParameters} for pairs already encoded per §3.6 (the signer encodes its constant
 * protocol parameters once, at creation). Sorts `encoded` in place.
 */
export function normalizeEncodedParameters(encoded: OAuth1Parameter[]): string {
  // Code-unit order of encoded (pure ASCII) strings is byte order: the same in every language.
  encoded.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let out = '';
  for (const [name, value] of encoded) out += out === '' ? `${name}=${value}` : `&${name}=${value}`;
  return out;
}
