import type { AuthContext } from '../credential/auth-context.js';
import type { Credential } from '../credential/credential.js';
import type { TokenSet } from './token-set.js';

/**
 * What a token source may use while getting a token: the auth context of the request that needed
 * it (clock, crypto, nonce, events), without its abort signal, since the refresh is shared.
 */
export interface TokenSourceContext extends AuthContext {
  /**
   * A credential for the token request itself, set by a decorator that must take part in it
   * (DPoP adds a proof and retries once with the server's nonce). Grants apply it to their
   * token endpoint request; a token function may ignore it.
   */
  readonly tokenRequestCredential?: Credential | undefined;
}

/**
 * Where tokens come from: a grant (`clientCredentials`, `refreshToken`), a function of yours, or
 * a decorator around another source (`dpop`). The token refresher decides when to call it; a
 * source only gets a token when asked.
 *
 * To tell the refresher how a failure should be treated, throw a `SignetCredentialError` with code
 * `session_ended` (the grant is dead: `invalid_grant`, `invalid_client`) or `token_request_failed`
 * (a permanent error, not retried). Anything else is transient and retried with backoff; a
 * numeric `retryAfterMs` property on the error delays the retry, a string `reason` names it in events.
 */
export interface TokenSource {
  /** For events and errors (`client_credentials`). Never secret. */
  readonly name: string;
  /**
   * The store key: who the tokens are for (endpoint, client, scope), never a secret. Refreshers
   * that share a store and a key share the tokens.
   */
  readonly key: string;
  /**
   * Gets a new token set. `current` is what the store holds (its refresh token is the one to use;
   * after rotation, the new one).
   */
  getToken(current: TokenSet | undefined, context: TokenSourceContext): Promise<TokenSet>;
}
