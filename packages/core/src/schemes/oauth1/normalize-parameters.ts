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
  const encoded = parameters.map(([name, value]) => [oauthPercentEncode(name), oauthPercentEncode(value)] as const);
  // Code-unit order of encoded (pure ASCII) strings is byte order: the same in every language.
  encoded.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let out = '';
  for (const [name, value] of encoded) out += out === '' ? `${name}=${value}` : `&${name}=${value}`;
  return out;
}
