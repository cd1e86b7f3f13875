import type { AuthContext } from '../../credential/auth-context.js';
import { createAuthContext } from '../../credential/create-auth-context.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject } from '../../options/check.js';
import { checkEndpoint } from './check-endpoint.js';
import { type OAuth1Options, oauth1 } from './oauth1.js';
import { OAuth1TokenError } from './oauth1-token-error.js';
import { type OAuth1Fetch, type OAuth1TokenCredentials, requestTokenCredentials } from './request-token-credentials.js';

/** The client's own options, shared by both token steps. */
export type OAuth1ClientOptions = Pick<OAuth1Options, 'consumerKey' | 'consumerSecret' | 'signatureMethod' | 'privateKey' | 'realm' | 'includeVersion'>;

/** Options for {@link getRequestToken}. */
export interface GetRequestTokenOptions extends OAuth1ClientOptions {
  /** Sends the request; the global `fetch` fits. */
  fetch: OAuth1Fetch;
  /** The temporary credential request endpoint (RFC 5849 §2.1). */
  url: string | URL;
  /** Where the server sends the resource owner back (`oauth_callback`); default `'oob'` (out of band). */
  callback?: string;
  /** Clock, nonce and crypto (default: a fresh context on the system clock). */
  context?: AuthContext;
}

/**
 * Step 1 of the three-legged flow (RFC 5849 §2.1): obtains temporary credentials. The answer must
 * confirm the callback (`oauth_callback_confirmed=true`), as §2.1 requires.
 *
 * @example
 * ```ts
 * const temporary = await getRequestToken({ fetch, url: 'https://photos.example.net/initiate',
 *   consumerKey: 'dpf43f3p2l4k3l03', consumerSecret, callback: 'https://printer.example.com/ready' });
 * ```
 */
export async function getRequestToken(options: GetRequestTokenOptions): Promise<OAuth1TokenCredentials> {
  checkOptionsObject(options, 'getRequestToken(options)');
  const { fetch, url, callback = 'oob', context, ...client } = options;
  const endpoint = checkEndpoint(url, 'url');
  if (typeof fetch !== 'function') throw new SignetConfigError('fetch', 'must be a fetch function');
  const credential = oauth1({ ...client, callback });
  const credentials = await requestTokenCredentials('request_token', fetch, endpoint, credential, context ?? createAuthContext());
  if (credentials.parameters.oauth_callback_confirmed !== 'true') {
    throw new OAuth1TokenError('request_token', 'the answer lacks oauth_callback_confirmed=true (RFC 5849 §2.1): the server may not implement OAuth 1.0a');
  }
  return credentials;
}
