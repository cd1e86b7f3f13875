import type { AuthContext } from '../../credential/auth-context.js';
import type { AuthResponse, Credential, ResponseVerdict } from '../../credential/credential.js';
import { type SignableRequest, withHeaders } from '../../credential/signable-request.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { checkHeaderSecret } from '../../options/check.js';
import { Secret } from '../../secret/secret.js';
import { createTokenRefresher, type TokenRefresher, type TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
import type { TokenSource } from '../../tokens/token-source.js';
import { readBearerChallenge } from './read-bearer-challenge.js';
import { type TokenFunction, tokenFunctionSource } from './token-function-source.js';

/** Options for {@link bearer} with a refreshing source: the token refresher's. */
export type BearerOptions = TokenRefresherOptions;

/** A Bearer credential. `tokens` is its refresher (absent for a static token). */
export interface BearerCredential extends Credential {
  /** Set tokens after a sign-in, or clear them at sign-out. Undefined for a static token. */
  readonly tokens: TokenRefresher | undefined;
}

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
  const tokens = createTokenRefresher(typeof source === 'function' ? tokenFunctionSource(source) : checkSource(source), options);
  // Which token generation each signed request carried, to tell a straggler's 401 from the current token's.
  const carried = new WeakMap<SignableRequest, number>();

  return {
    scheme: 'bearer',
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    tokens,
    async authorize(request, context) {
      const record = await tokens.token(context);
      const signed = withHeaders(request, { authorization: `Bearer ${record.tokens.accessToken.reveal()}` });
      carried.set(signed, record.generation);
      return signed;
    },
    async onResponse(response: AuthResponse, request: SignableRequest, context: AuthContext): Promise<ResponseVerdict> {
      if (!isTokenRefusal(response)) return undefined;
      if (context.attempt > 1) {
        // Refused again right after a re-send with a newer token: the token is not the problem
        // (a revoked grant, a missing permission). Re-sending again would be the 401 loop.
        throw new SignetCredentialError('bearer', `the resource refused the request again (HTTP ${response.status}) after a re-send with a newer token`, undefined, 'auth_rejected');
      }
      const generation = carried.get(request);
      if (generation === undefined) return undefined;
      await tokens.replace(generation, context);
      return 'retry';
    },
  };
}

/** True for a 401 that blames the token: `invalid_token`, no error (RFC 6750 §3.1), or no challenge at all. */
function isTokenRefusal(response: AuthResponse): boolean {
  if (response.status !== 401) return false;
  const error = readBearerChallenge(response);
  return error === null || error === undefined || error === 'invalid_token';
}

function staticBearer(token: Secret): BearerCredential {
  const header = `Bearer ${token.reveal()}`;
  return {
    scheme: 'bearer',
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    tokens: undefined,
    authorize: async (request) => withHeaders(request, { authorization: header }),
  };
}

function checkSource(source: TokenSource): TokenSource {
  if (typeof source !== 'object' || source === null || typeof source.getToken !== 'function' || typeof source.key !== 'string' || typeof source.name !== 'string') {
    throw new SignetConfigError('source', 'must be a token, a token function, or a TokenSource (name, key, getToken)');
  }
  return source;
}
