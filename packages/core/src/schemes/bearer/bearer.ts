import { withHeader } from '../../credential/signable-request.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkHeaderSecret } from '../../options/check.js';
import { Secret } from '../../secret/secret.js';
import type { TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
import type { TokenSource } from '../../tokens/token-source.js';
import { createTokenCredential, type TokenCredential } from './create-token-credential.js';
import { type TokenFunction, tokenFunctionSource } from './token-function-source.js';

/** Options for {@link bearer} with a refreshing source: the token refresher's. */
export type BearerOptions = TokenRefresherOptions;

/** A Bearer credential. `tokens` is its refresher (absent for a static token). */
export type BearerCredential = TokenCredential;

/**
 * An OAuth 2 Bearer token credential (RFC 6750 §2.1: `Authorization: Bearer <token>`).
 *
 * The source is a static token, a function of yours, or a grant (`clientCredentials`,
 * `refreshToken` from `@signet/core/oauth2`). Anything but a static token goes through the token
 * refresher: refreshed ahead of expiry, once for all callers; on a 401 refreshed only if the
 * refused token is still the current one (otherwise the request is re-sent with the newer one);
 * re-sent at most once; a second 401 is an `auth_rejected` error, never a loop.
 *
 * @example
 * ```ts
 * import { bearer } from '@signet/core/bearer';
 * import { clientCredentials } from '@signet/core/oauth2';
 * const credential = bearer(clientCredentials({
 *   tokenEndpoint: 'https://auth.example.com/oauth/token',
 *   clientId: 'reports',
 *   clientSecret: process.env.CLIENT_SECRET!,
 * }));
 * ```
 */
export function bearer(source: string | Secret | TokenFunction | TokenSource, options: BearerOptions = {}): BearerCredential {
  if (typeof source === 'string' || source instanceof Secret) return staticBearer(checkHeaderSecret(source, 'token'));
  return createTokenCredential(toTokenSource(source), options);
}

/** A token function or a {@link TokenSource}, checked, as a source. */
export function toTokenSource(source: TokenFunction | TokenSource): TokenSource {
  if (typeof source === 'function') return tokenFunctionSource(source);
  if (typeof source !== 'object' || source === null || typeof source.getToken !== 'function' || typeof source.key !== 'string' || typeof source.name !== 'string') {
    throw new SignetConfigError('source', 'must be a token, a token function, or a TokenSource (name, key, getToken)');
  }
  return source;
}

function staticBearer(token: Secret): BearerCredential {
  const header = `Bearer ${token.reveal()}`;
  return {
    scheme: 'bearer',
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    tokens: undefined,
    authorize: (request) => withHeader(request, 'authorization', header),
  };
}
