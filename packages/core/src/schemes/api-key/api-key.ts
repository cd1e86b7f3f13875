import type { Credential } from '../../credential/credential.js';
import { withHeader, withQueryParam } from '../../credential/signable-request.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkHeaderSecret, checkOptionsObject, checkSecretText, checkText, checkToken } from '../../options/check.js';
import type { Secret } from '../../secret/secret.js';

/** Options for {@link apiKey}. Give at most one of `header` and `query`. */
export interface ApiKeyOptions {
  /** The key. Held as a {@link Secret}; pass one to keep it out of your own logs too. */
  key: string | Secret;
  /**
   * The header to send the key in. Default `Authorization`, as `Authorization: ApiKey <key>`.
   * Any other header carries the bare key (`X-API-Key: <key>`).
   */
  header?: string;
  /** The auth-scheme word when the header is `Authorization` (default `ApiKey`). */
  scheme?: string;
  /**
   * Send the key as this query parameter instead of a header. Only when the API gives no other
   * choice: URLs end up in logs and proxies. The parameter is redacted in every Signet error
   * and event, and removed from any redirect to another origin.
   */
  query?: string;
}

/**
 * An API key credential.
 *
 * @example
 * ```ts
 * apiKey({ key: process.env.API_KEY! });                         // Authorization: ApiKey <key>
 * apiKey({ key: process.env.API_KEY!, header: 'X-API-Key' });    // X-API-Key: <key>
 * apiKey({ key: process.env.API_KEY!, query: 'api_key' });       // ?api_key=<key>, redacted everywhere
 * ```
 */
export function apiKey(options: ApiKeyOptions): Credential {
  checkOptionsObject(options, 'apiKey(options)');
  if (options.query !== undefined) {
    if (options.header !== undefined || options.scheme !== undefined) {
      throw new SignetConfigError('query', 'cannot be combined with header or scheme: the key goes in one place');
    }
    const name = checkText(options.query, 'query');
    // In the query any character can be percent-encoded, so only control characters are refused.
    const key = checkSecretText(options.key, 'key');
    return {
      scheme: 'api-key',
      requiresBody: false,
      sensitiveHeaders: [],
      sensitiveQueryParams: [name],
      authorize: (request) => withQueryParam(request, name, key.reveal()),
    };
  }
  const key = checkHeaderSecret(options.key, 'key');
  const header = options.header === undefined ? 'authorization' : checkToken(options.header, 'header').toLowerCase();
  if (options.scheme !== undefined && header !== 'authorization') {
    throw new SignetConfigError('scheme', 'applies only to the Authorization header; a custom header carries the bare key');
  }
  const prefix = header === 'authorization' ? `${checkToken(options.scheme ?? 'ApiKey', 'scheme')} ` : '';
  return {
    scheme: 'api-key',
    requiresBody: false,
    sensitiveHeaders: [header],
    sensitiveQueryParams: [],
    authorize: (request) => withHeader(request, header, prefix + key.reveal()),
  };
}
