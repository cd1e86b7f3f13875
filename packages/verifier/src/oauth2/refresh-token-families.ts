import { base64url, type SignetCrypto } from '@signet/core';

/** What a refresh token stands for. */
export interface RefreshGrant {
  readonly clientId: string;
  readonly subject: string;
  readonly scope: string;
  /** The JWK thumbprint the token is bound to (public clients using DPoP, RFC 9449 §5). */
  readonly jkt?: string;
}

interface Entry extends RefreshGrant {
  readonly family: number;
  readonly expiresAtMs: number;
  used: boolean;
}

/** Why a refresh token was refused; all of them answer `invalid_grant`. */
export type RedeemFailure = 'unknown' | 'reused' | 'revoked' | 'expired' | 'wrong_client';

/**
 * Rotating refresh tokens, grouped in families: each redemption spends the token and issues its
 * successor in the same family. Presenting a spent token again means two parties hold the family
 * (one of them a thief), so the whole family is revoked (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1).
 */
export interface RefreshTokenFamilies {
  issue(grant: RefreshGrant, nowMs: number, family?: number): { token: string; family: number };
  /** Looks a token up and, if it may be used, spends it. */
  redeem(token: string, clientId: string, nowMs: number): { ok: true; grant: RefreshGrant; family: number } | { ok: false; failure: RedeemFailure };
  /** Puts a token back to unspent, for a redemption that failed after it was taken (a DPoP key mismatch). */
  unspend(token: string): void;
  readonly revokedFamilies: number;
  readonly reuseDetections: number;
}

/** Creates an in-memory family store. Tokens are 256 random bits, base64url. */
export function createRefreshTokenFamilies(lifetimeSeconds: number, crypto: SignetCrypto): RefreshTokenFamilies {
  const tokens = new Map<string, Entry>();
  const revoked = new Set<number>();
  let families = 0;
  let reuseDetections = 0;
  return {
    issue(grant, nowMs, family = ++families) {
      const token = base64url(crypto.randomBytes(32));
      tokens.set(token, { ...grant, family, expiresAtMs: nowMs + lifetimeSeconds * 1000, used: false });
      return { token, family };
    },
    redeem(token, clientId, nowMs) {
      const entry = tokens.get(token);
      if (entry === undefined) return { ok: false, failure: 'unknown' };
      // RFC 6749 §10.4 / §6: bound to its client; another client's attempt changes nothing.
      if (entry.clientId !== clientId) return { ok: false, failure: 'wrong_client' };
      if (revoked.has(entry.family)) return { ok: false, failure: 'revoked' };
      if (entry.used) {
        reuseDetections++;
        revoked.add(entry.family);
        return { ok: false, failure: 'reused' };
      }
      if (nowMs >= entry.expiresAtMs) return { ok: false, failure: 'expired' };
      entry.used = true;
      const { clientId: id, subject, scope, jkt } = entry;
      return { ok: true, grant: jkt === undefined ? { clientId: id, subject, scope } : { clientId: id, subject, scope, jkt }, family: entry.family };
    },
    unspend(token) {
      const entry = tokens.get(token);
      if (entry !== undefined) entry.used = false;
    },
    get revokedFamilies() {
      return revoked.size;
    },
    get reuseDetections() {
      return reuseDetections;
    },
  };
}
