import { checkOptionsObject, checkText } from '../options/check.js';
import type { TokenSource } from '../tokens/token-source.js';
import { type ClientOptions, clientAuthentication } from './client-authentication.js';
import { checkTokenEndpoint } from './check-endpoint.js';
import { requestToken } from './request-token.js';

/** Options for {@link clientCredentials}. */
export interface ClientCredentialsOptions extends ClientOptions {
  tokenEndpoint: string | URL;
  /** Space-separated scopes to ask for (RFC 6749 §3.3). */
  scope?: string;
  /** The API the token is for, as RFC 8707 `resource` (an absolute URI). */
  resource?: string;
  /** More form parameters some servers want (`audience` for Auth0). Never put secrets here. */
  params?: Record<string, string>;
  /** The fetch for token requests (default: the global fetch at call time). */
  fetch?: typeof fetch;
}

/**
 * The client credentials grant (RFC 6749 §4.4): a service's own token, with
 * `client_secret_basic`, `client_secret_post` or `private_key_jwt` (RFC 7523). A token source
 * for {@link bearer}; the refresher calls it when a token is needed.
 *
 * @example
 * ```ts
 * bearer(clientCredentials({ tokenEndpoint: 'https://auth.example.com/oauth/token', clientId: 'reports', clientSecret, scope: 'reports:read' }));
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenSource {
  checkOptionsObject(options, 'clientCredentials(options)');
  const tokenEndpoint = checkTokenEndpoint(options.tokenEndpoint);
  const authenticate = clientAuthentication(options);
  const params: Record<string, string> = { ...checkParams(options.params), grant_type: 'client_credentials' };
  if (options.scope !== undefined) params.scope = checkText(options.scope, 'scope');
  if (options.resource !== undefined) params.resource = checkText(options.resource, 'resource');
  return {
    name: 'client_credentials',
    key: `client_credentials ${tokenEndpoint.href} ${options.clientId} ${params.scope ?? ''} ${params.resource ?? ''}`.trimEnd(),
    getToken: (_current, context) => requestToken({ grant: 'client_credentials', tokenEndpoint, params, authenticate, fetch: options.fetch }, context),
  };
}

/** Extra form parameters: strings only. */
export function checkParams(params: unknown): Record<string, string> {
  if (params === undefined) return {};
  const checked = checkOptionsObject(params, 'params');
  for (const [name, value] of Object.entries(checked)) checkText(value, `params.${name}`);
  return checked as Record<string, string>;
}
