import type { AuthContext } from '../../credential/auth-context.js';
import type { AuthResponse, ResponseVerdict } from '../../credential/credential.js';
import type { SignableRequest } from '../../credential/signable-request.js';
import type { Secret } from '../../secret/secret.js';
import type { TokenSource } from '../../tokens/token-source.js';

/**
 * What turns a bearer token into a sender-constrained one (DPoP, RFC 9449): the scheme word, a
 * proof per request, the token source's requests made with proofs too, and what it learns from
 * responses (server nonces). The token credential does the rest (refresh, stale 401, one re-send).
 */
export interface ProofOfPossession {
  /** The credential's scheme name (`dpop`), for errors and events. */
  readonly name: string;
  /** The Authorization scheme word (`DPoP`). */
  readonly authScheme: string;
  /** The `WWW-Authenticate` challenge scheme a resource refuses the token with (`dpop`). */
  readonly challengeScheme: string;
  /** Headers the proof writes, stripped like Authorization when a request leaves the origins. */
  readonly sensitiveHeaders: readonly string[];
  /** The source whose token requests carry proofs, and whose tokens are checked to be bound. */
  bind(source: TokenSource): TokenSource;
  /** The proof headers for `request`, sent with `accessToken`. */
  prove(request: SignableRequest, accessToken: Secret, context: AuthContext): Promise<Record<string, string>>;
  /**
   * Learns from a response (a new server nonce; the send loop has already learned its `Date`);
   * `'retry'` when the request should be proven again once (a nonce it lacked, or a proof time the
   * corrected clock now disagrees with).
   */
  onResponse(response: AuthResponse, request: SignableRequest, context: AuthContext): ResponseVerdict;
}
