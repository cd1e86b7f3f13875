import { SignetConfigError } from '../errors/config-error.js';
import { checkOptionsObject, checkSecretText, checkText } from '../options/check.js';
import type { Secret } from '../secret/secret.js';
import type { TokenSource } from '../tokens/token-source.js';
import { type ClientOptions, clientAuthentication } from './client-authentication.js';
import { checkTokenEndpoint } from './check-endpoint.js';
import { checkParams } from './client-credentials.js';
import { requestToken } from './request-token.js';
import { TokenEndpointError } from './token-endpoint-error.js';

/** Options for {@link refreshToken}. */
export interface RefreshTokenOptions extends ClientOptions {
  tokenEndpoint: string | URL;
  /**
   * The refresh token from the sign-in. Only a start: once the store holds tokens (a rotated
   * refresh token), those are used, so after a restart pass the one you persisted in `onTokens`.
   */
  refreshToken?: string | Secret;
  /** Ask for a narrower scope than was granted (RFC 6749 §6). */
  scope?: string;
  /** More form parameters. Never put secrets here. */
  params?: Record<string, string>;
  /** The fetch for token requests (default: the global fetch at call time). */
  fetch?: typeof fetch;
}

/**
 * The refresh token grant (RFC 6749 §6) with rotation: when the server answers with a new
 * refresh token, it replaces the old one in the store before any caller can use the old one
 * again (the refresher writes it under its lock, then calls your `onTokens`). Without a new one,
 * the old one is kept.
 *
 * @example
 * ```ts
 * const credential = bearer(refreshToken({ tokenEndpoint, clientId: 'spa', refreshToken: signIn.refresh_token }), {
 *   onTokens: (tokens) => saveRefreshToken(tokens.refreshToken),
 * });
 * ```
 */
export function refreshToken(options: RefreshTokenOptions): TokenSource {
  checkOptionsObject(options, 'refreshToken(options)');
  const tokenEndpoint = checkTokenEndpoint(options.tokenEndpoint);
  const authenticate = clientAuthentication(options);
  const initial = options.refreshToken === undefined ? undefined : checkSecretText(options.refreshToken, 'refreshToken');
  const extra = checkParams(options.params);
  if ('refresh_token' in extra || 'grant_type' in extra) throw new SignetConfigError('params', 'must not set grant_type or refresh_token');
  const scope = options.scope === undefined ? undefined : checkText(options.scope, 'scope');
  const grant = 'refresh_token';
  return {
    name: grant,
    key: `refresh_token ${tokenEndpoint.href} ${options.clientId}`,
    async getToken(current, context) {
      const token = current?.refreshToken ?? initial;
      if (token === undefined) {
        throw new TokenEndpointError(grant, 'session_ended', 'no_refresh_token', { description: 'there is no refresh token to use; sign in again' });
      }
      const params: Record<string, string> = { ...extra, grant_type: 'refresh_token', refresh_token: token.reveal() };
      if (scope !== undefined) params.scope = scope;
      const tokens = await requestToken({ grant, tokenEndpoint, params, authenticate, fetch: options.fetch }, context);
      // RFC 6749 §6: the server MAY issue a new refresh token; if it does not, the old one stays valid.
      return tokens.refreshToken === undefined ? { ...tokens, refreshToken: token } : tokens;
    },
  };
}
