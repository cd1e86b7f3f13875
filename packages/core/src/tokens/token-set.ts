import type { Secret } from '../secret/secret.js';

/**
 * What a token endpoint (or a token function) gave us. Every token is held in a {@link Secret},
 * so a token set can be logged, put in an error or inspected without leaking.
 */
export interface TokenSet {
  /** The access token. */
  readonly accessToken: Secret;
  /** The token type as the server named it (`Bearer`, or `DPoP` for a DPoP-bound token, RFC 9449 §5). */
  readonly tokenType: string;
  /**
   * When the access token expires, in milliseconds on the learned server clock; `undefined` when
   * the server did not say (then it is only replaced when a resource refuses it).
   */
  readonly expiresAt?: number | undefined;
  /** When the token was obtained, on the same clock; with `expiresAt` it gives the lifetime. */
  readonly obtainedAt?: number | undefined;
  /** The refresh token, when the grant issued one (a rotating server issues a new one each time). */
  readonly refreshToken?: Secret | undefined;
  /** The granted scope, when the server said. */
  readonly scope?: string | undefined;
}

/**
 * A token set as a store holds it. `generation` grows by one with every write, so a writer can say
 * "replace generation 7" and a stale writer (who read generation 6) is refused: compare-and-swap.
 */
export interface StoredTokens {
  readonly generation: number;
  readonly tokens: TokenSet;
}
