import { Secret } from '../../secret/secret.js';
import type { TokenSet } from '../token-set.js';

/**
 * A token set as plain data, for `postMessage` and Web Storage. A {@link Secret} does not survive
 * the structured clone (its value lives in a module-private WeakMap), so tokens cross as strings
 * and become Secrets again on arrival.
 */
export interface WireTokens {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresAt?: number;
  readonly obtainedAt?: number;
  readonly refreshToken?: string;
  readonly scope?: string;
}

/** A token set as plain data. */
export function toWireTokens(tokens: TokenSet): WireTokens {
  return {
    accessToken: tokens.accessToken.reveal(),
    tokenType: tokens.tokenType,
    ...(tokens.expiresAt !== undefined && { expiresAt: tokens.expiresAt }),
    ...(tokens.obtainedAt !== undefined && { obtainedAt: tokens.obtainedAt }),
    ...(tokens.refreshToken !== undefined && { refreshToken: tokens.refreshToken.reveal() }),
    ...(tokens.scope !== undefined && { scope: tokens.scope }),
  };
}

/**
 * Plain data back to a token set, or `undefined` when it is not well-formed (a message from an
 * older version of the app, a storage entry someone edited): such input is ignored, never trusted.
 */
export function fromWireTokens(value: unknown): TokenSet | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const wire = value as Record<string, unknown>;
  if (typeof wire.accessToken !== 'string' || typeof wire.tokenType !== 'string') return undefined;
  const number = (field: unknown): number | undefined => (typeof field === 'number' && Number.isFinite(field) ? field : undefined);
  return {
    accessToken: new Secret(wire.accessToken),
    tokenType: wire.tokenType,
    expiresAt: number(wire.expiresAt),
    obtainedAt: number(wire.obtainedAt),
    refreshToken: typeof wire.refreshToken === 'string' ? new Secret(wire.refreshToken) : undefined,
    scope: typeof wire.scope === 'string' ? wire.scope : undefined,
  };
}
