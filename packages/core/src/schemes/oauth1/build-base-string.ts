import { baseStringUri } from './base-string-uri.js';
import { normalizeParameters } from './normalize-parameters.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';
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
  return baseStringOf(parts.method, parts.url, normalizeParameters(parts.parameters));
}

/** {@link buildBaseString} from parameters already normalized (§3.4.1.3.2). */
export function baseStringOf(method: string, url: URL, normalizedParameters: string): string {
  // The normalized string holds only unreserved characters, `%XX`, `=` and `&`: none of the five
  // characters encodeURIComponent leaves alone (`!'()*`), and no lone surrogate, so it needs no
  // fix-up pass over the longest string of the request.
  return `${oauthPercentEncode(method.toUpperCase())}&${oauthPercentEncode(baseStringUri(url))}&${encodeURIComponent(normalizedParameters)}`;
}
