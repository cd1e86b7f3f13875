import { baseStringUri } from './base-string-uri.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';
import { joinParameterKeys, parameterKey } from './parameter-keys.js';
import type { OAuth1Parameter } from './parse-form-encoded.js';

/** What the signature base string is built from. */
export interface OAuth1BaseStringParts {
  readonly method: string;
  readonly url: URL;
  /** Every signed parameter, decoded (see `collectParameters`). */
  readonly parameters: readonly OAuth1Parameter[];
}

/**
 * The signature base string (RFC 5849 §3.4.1.1): the upper-case method (encoded, for a custom
 * method with characters such as `!`), the encoded base string URI and the encoded normalized
 * parameters, joined by `&`.
 *
 * @example
 * ```ts
 * buildBaseString({ method: 'GET', url: new URL('http://photos.example.net/photos?size=original'), parameters: [['size', 'original']] });
 * // 'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&size%3Doriginal'
 * ```
 */
export function buildBaseString(parts: OAuth1BaseStringParts): string {
  const keys = parts.parameters.map(([name, value]) => parameterKey(oauthPercentEncode(name), oauthPercentEncode(value)));
  return baseStringOf(parts.method, parts.url, joinParameterKeys(keys));
}

/**
 * {@link buildBaseString} from the parameters already normalized and encoded for the base string
 * (`joinParameterKeys`), so the longest part of the request is never encoded as a whole.
 */
export function baseStringOf(method: string, url: URL, encodedParameters: string): string {
  return `${oauthPercentEncode(method.toUpperCase())}&${encodedBaseStringUri(url)}&${encodedParameters}`;
}

const ENCODED_SCHEME: Readonly<Record<string, string>> = { 'http:': 'http%3A%2F%2F', 'https:': 'https%3A%2F%2F' };

// The base string URI, encoded (§3.4.1.2, then §3.6). For http and https, WHATWG URL has already
// done what §3.4.1.2 asks (host lower-cased, default port dropped, path never empty), so `host`
// and `pathname` are encoded as they are: half the cost of rebuilding the URI from its parts and
// encoding the whole. Any other scheme takes `baseStringUri`.
function encodedBaseStringUri(url: URL): string {
  const scheme = ENCODED_SCHEME[url.protocol];
  if (scheme === undefined) return oauthPercentEncode(baseStringUri(url));
  return `${scheme}${oauthPercentEncode(url.host)}${oauthPercentEncode(url.pathname)}`;
}
