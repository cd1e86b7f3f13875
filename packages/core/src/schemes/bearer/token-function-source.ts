import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { type Secret, secret } from '../../secret/secret.js';
import type { TokenSet } from '../../tokens/token-set.js';
import type { TokenSource, TokenSourceContext } from '../../tokens/token-source.js';

/** What a token function returns. */
export interface TokenFunctionResult {
  readonly accessToken: string | Secret;
  /** Seconds until the token expires (as in an OAuth token response). */
  readonly expiresIn?: number;
  /** Or the expiry as a timestamp in milliseconds (server time). */
  readonly expiresAt?: number;
  /** `Bearer` (default), or `DPoP` for a token bound to a `dpop()` credential's key. */
  readonly tokenType?: string;
}

/** Your own way of getting a token (a cloud SDK, a secrets manager, a token exchange). */
export type TokenFunction = (context: TokenSourceContext) => Promise<TokenFunctionResult>;

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Wraps a {@link TokenFunction} as a {@link TokenSource}, checking what it returns. */
export function tokenFunctionSource(getToken: TokenFunction, key = 'token-function'): TokenSource {
  if (typeof getToken !== 'function') throw new SignetConfigError('source', 'must be a token, a token function or a token source');
  return {
    name: 'token-function',
    key,
    async getToken(_current, context): Promise<TokenSet> {
      const obtainedAt = context.clock.now();
      const result = await getToken(context);
      if (typeof result !== 'object' || result === null || (typeof result.accessToken !== 'string' && typeof result.accessToken?.reveal !== 'function')) {
        throw new SignetCredentialError('bearer', 'the token function must resolve to { accessToken, expiresIn? }', undefined, 'token_request_failed');
      }
      const token = typeof result.accessToken === 'string' ? result.accessToken : result.accessToken.reveal();
      // RFC 6750 §2.1 b64token, as the grants check: a CR or LF would split the header, and the
      // runtime's own error for an invalid header value would quote the token.
      if (!B64TOKEN.test(token)) {
        throw new SignetCredentialError('bearer', 'the token function returned an access token that cannot be sent in a header (not an RFC 6750 b64token)', undefined, 'token_request_failed');
      }
      const { expiresIn, expiresAt } = result;
      if (expiresIn !== undefined && !(typeof expiresIn === 'number' && expiresIn >= 0)) {
        throw new SignetCredentialError('bearer', 'the token function returned an expiresIn that is not a number of seconds', undefined, 'token_request_failed');
      }
      return {
        accessToken: secret(result.accessToken),
        tokenType: typeof result.tokenType === 'string' ? result.tokenType : 'Bearer',
        obtainedAt,
        expiresAt: expiresAt ?? (expiresIn === undefined ? undefined : obtainedAt + expiresIn * 1000),
      };
    },
  };
}
