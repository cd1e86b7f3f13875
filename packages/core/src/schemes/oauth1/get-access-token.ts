import type { AuthContext } from '../../credential/auth-context.js';
import { createAuthContext } from '../../credential/create-auth-context.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject } from '../../options/check.js';
import type { Secret } from '../../secret/secret.js';
import { checkEndpoint } from './check-endpoint.js';
import type { OAuth1ClientOptions } from './get-request-token.js';
import { oauth1 } from './oauth1.js';
import { type OAuth1Fetch, type OAuth1TokenCredentials, requestTokenCredentials } from './request-token-credentials.js';

/** Options for {@link getAccessToken}. */
export interface GetAccessTokenOptions extends OAuth1ClientOptions {
  /** Sends the request; the global `fetch` fits. */
  fetch: OAuth1Fetch;
  /** The token request endpoint (RFC 5849 §2.3). */
  url: string | URL;
  /** The temporary token from {@link getRequestToken}. */
  token: string;
  /** The temporary token's secret from {@link getRequestToken}. */
  tokenSecret: string | Secret;
  /** The `oauth_verifier` the server sent back with the resource owner (§2.2). */
  verifier: string;
  /** Clock, nonce and crypto (default: a fresh context on the system clock). */
  context?: AuthContext;
}

/**
 * Step 3 of the three-legged flow (RFC 5849 §2.3): exchanges the temporary credentials and the
 * verifier for token credentials, to pass to `oauth1({ …, token, tokenSecret })`.
 *
 * @example
 * ```ts
 * const access = await getAccessToken({ fetch, url: 'https://photos.example.net/token', consumerKey, consumerSecret,
 *   token: temporary.token, tokenSecret: temporary.tokenSecret, verifier: callbackUrl.searchParams.get('oauth_verifier')! });
 * const api = withAuth(fetch, oauth1({ consumerKey, consumerSecret, token: access.token, tokenSecret: access.tokenSecret }));
 * ```
 */
export async function getAccessToken(options: GetAccessTokenOptions): Promise<OAuth1TokenCredentials> {
  checkOptionsObject(options, 'getAccessToken(options)');
  const { fetch, url, context, ...signing } = options;
  const endpoint = checkEndpoint(url, 'url');
  if (typeof fetch !== 'function') throw new SignetConfigError('fetch', 'must be a fetch function');
  if (signing.token === undefined) throw new SignetConfigError('token', 'is required: the temporary token from getRequestToken');
  if (signing.verifier === undefined) throw new SignetConfigError('verifier', 'is required: the oauth_verifier the server sent back');
  return requestTokenCredentials('access_token', fetch, endpoint, oauth1(signing), context ?? createAuthContext());
}
