import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkText } from '../../options/check.js';
import { checkEndpoint } from './check-endpoint.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';

/** Options for {@link getAuthorizationUrl}. */
export interface GetAuthorizationUrlOptions {
  /** The resource owner authorization endpoint (RFC 5849 §2.2). */
  url: string | URL;
  /** The temporary token from `getRequestToken`. */
  token: string;
  /** Extra query parameters some providers accept (e.g. `force_login`). */
  parameters?: Readonly<Record<string, string>>;
}

/**
 * Step 2 of the three-legged flow (RFC 5849 §2.2): where to send the resource owner, the
 * authorization endpoint with `oauth_token` added to its query (its own query is kept as it is).
 *
 * @example
 * ```ts
 * getAuthorizationUrl({ url: 'https://photos.example.net/authorize', token: 'hh5s93j4hdidpola' });
 * // 'https://photos.example.net/authorize?oauth_token=hh5s93j4hdidpola'
 * ```
 */
export function getAuthorizationUrl(options: GetAuthorizationUrlOptions): string {
  checkOptionsObject(options, 'getAuthorizationUrl(options)');
  const url = checkEndpoint(options.url, 'url');
  const pairs = [`oauth_token=${oauthPercentEncode(checkText(options.token, 'token'))}`];
  if (options.parameters !== undefined) {
    checkOptionsObject(options.parameters, 'parameters');
    for (const [name, value] of Object.entries(options.parameters)) {
      if (name === 'oauth_token') throw new SignetConfigError('parameters.oauth_token', 'is set from token');
      pairs.push(`${oauthPercentEncode(name)}=${oauthPercentEncode(checkText(value, `parameters.${name}`))}`);
    }
  }
  // Appended to the raw query, so the endpoint's own parameters keep their exact bytes.
  url.search = url.search.length > 1 ? `${url.search}&${pairs.join('&')}` : pairs.join('&');
  return url.href;
}
