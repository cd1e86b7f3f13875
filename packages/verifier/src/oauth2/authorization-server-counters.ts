/** What the mock authorization server counts, for tests to read. A snapshot: it does not change later. */
export interface AuthorizationServerCounters {
  /** Token endpoint requests by `grant_type` (counted before faults and checks; `other` for anything else or none). */
  readonly tokenRequests: { readonly client_credentials: number; readonly refresh_token: number; readonly other: number };
  /** Access tokens issued. */
  readonly accessTokensIssued: number;
  /** Spent refresh tokens presented again (each revokes its family). */
  readonly refreshTokenReuse: number;
  /** Refresh token families revoked. */
  readonly familiesRevoked: number;
  /** `use_dpop_nonce` answers. */
  readonly dpopNonceChallenges: number;
  /** Requests a fault answered or delayed. */
  readonly faultsInjected: number;
}
