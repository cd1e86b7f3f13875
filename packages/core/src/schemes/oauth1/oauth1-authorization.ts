import { oauthPercentDecode, oauthPercentEncode } from './oauth-percent-encode.js';
import type { OAuth1Parameter } from './parse-form-encoded.js';

/** The auth-scheme word of RFC 5849 §3.5.1 (compared case-insensitively, RFC 9110 §11.1). */
export const OAUTH1_SCHEME = 'OAuth';

/** The `Authorization: OAuth …` credentials, parsed. */
export interface OAuth1Authorization {
  /** The `realm` (RFC 2617 style, not percent-encoded), if present. */
  readonly realm: string | undefined;
  /** Every other parameter, names and values decoded, in order. */
  readonly parameters: readonly OAuth1Parameter[];
}

/**
 * Formats the header value (RFC 5849 §3.5.1): `OAuth realm="…", name="value", …`, each name and
 * value encoded per §3.6, in the order given. The realm is written as it is (a quoted-string,
 * not percent-encoded): callers check it has no `"` or `\`.
 *
 * @example
 * ```ts
 * formatOAuth1Authorization([['oauth_consumer_key', 'dpf43f3p2l4k3l03'], ['oauth_signature', 'a/b=']], 'Photos');
 * // 'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature="a%2Fb%3D"'
 * ```
 */
export function formatOAuth1Authorization(parameters: readonly OAuth1Parameter[], realm?: string): string {
  return formatEncodedOAuth1Authorization(
    parameters.map(([name, value]) => [oauthPercentEncode(name), oauthPercentEncode(value)] as const),
    realm,
  );
}

/** {@link formatOAuth1Authorization} for pairs already encoded per §3.6. */
export function formatEncodedOAuth1Authorization(encoded: readonly OAuth1Parameter[], realm?: string): string {
  let out = realm === undefined ? `${OAUTH1_SCHEME} ` : `${OAUTH1_SCHEME} realm="${realm}", `;
  for (let i = 0; i < encoded.length; i++) out += `${i === 0 ? '' : ', '}${encoded[i]![0]}="${encoded[i]![1]}"`;
  return out;
}

// auth-param = token BWS "=" BWS quoted-string (RFC 9110 §11.2; RFC 5849 §3.5.1 quotes every value).
// Encoded values never need escapes, so a quoted value with a backslash is refused, not unescaped.
const PARAM = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*"([^"\\]*)"\s*(?:,|$)/;

/**
 * Parses the credentials after the `OAuth` scheme word. Returns `undefined` when a parameter is
 * malformed or repeated (RFC 5849 §3.5: protocol parameters appear once). Checking which
 * parameters are required is the verifier's job.
 */
export function parseOAuth1Authorization(credentials: string): OAuth1Authorization | undefined {
  let realm: string | undefined;
  const parameters: OAuth1Parameter[] = [];
  const seen = new Set<string>();
  let rest = credentials.trim();
  while (rest !== '') {
    const match = PARAM.exec(rest);
    if (match === null) return undefined;
    rest = rest.slice(match[0].length);
    if (match[1]!.toLowerCase() === 'realm') {
      if (realm !== undefined) return undefined;
      realm = match[2]!;
      continue;
    }
    const name = oauthPercentDecode(match[1]!);
    if (seen.has(name)) return undefined;
    seen.add(name);
    parameters.push([name, oauthPercentDecode(match[2]!)]);
  }
  return { realm, parameters };
}
