import { Secret } from '../secret/secret.js';
import type { TokenSet } from './token-set.js';

/**
 * A {@link TokenSet} as plain JSON data, **its tokens revealed**. A {@link Secret} survives neither
 * `JSON.stringify` (it prints `[redacted]`) nor a structured clone (its value lives in a
 * module-private WeakMap), so a store that must hold tokens outside the process (Redis, Web
 * Storage, a message to another tab) holds this instead. Only stores use it: it never goes into
 * an error, an event or a log.
 */
export interface TokenSetJSON {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresAt?: number;
  readonly obtainedAt?: number;
  readonly refreshToken?: string;
  readonly scope?: string;
}

/**
 * A token set as plain JSON data, with the access and refresh tokens **revealed**: for token
 * stores only, which keep it where only they can read it. Absent fields stay absent.
 *
 * @example
 * ```ts
 * await redis.set(key, JSON.stringify({ v: 1, ...tokenSetToJSON(tokens) }));
 * ```
 */
export function tokenSetToJSON(tokens: TokenSet): TokenSetJSON {
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
 * The data {@link tokenSetToJSON} made, back as a token set with its tokens in Secrets. Input that
 * is not well-formed (written by another version, edited by hand) throws a `TypeError` naming
 * `field` and the part that is wrong, never quoting the value, since it may hold a token; a store
 * decides whether that means "ignore it" or "the store is unavailable".
 *
 * @param value - parsed JSON (or a structured clone) of a {@link TokenSetJSON}.
 * @param field - what to call `value` in the error (default `"tokens"`).
 * @example
 * ```ts
 * const tokens = tokenSetFromJSON(JSON.parse(stored), 'stored tokens');
 * ```
 */
export function tokenSetFromJSON(value: unknown, field = 'tokens'): TokenSet {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${field} is not an object`);
  const json = value as Partial<Record<keyof TokenSetJSON, unknown>>;
  if (typeof json.accessToken !== 'string' || typeof json.tokenType !== 'string') {
    throw new TypeError(`${field}: accessToken and tokenType must be strings`);
  }
  for (const name of ['expiresAt', 'obtainedAt'] as const) {
    const time = json[name];
    if (time !== undefined && (typeof time !== 'number' || !Number.isFinite(time))) throw new TypeError(`${field}: ${name} must be a number`);
  }
  if (json.refreshToken !== undefined && typeof json.refreshToken !== 'string') throw new TypeError(`${field}: refreshToken must be a string`);
  if (json.scope !== undefined && typeof json.scope !== 'string') throw new TypeError(`${field}: scope must be a string`);
  return {
    accessToken: new Secret(json.accessToken),
    tokenType: json.tokenType,
    ...(json.expiresAt !== undefined && { expiresAt: json.expiresAt as number }),
    ...(json.obtainedAt !== undefined && { obtainedAt: json.obtainedAt as number }),
    ...(json.refreshToken !== undefined && { refreshToken: new Secret(json.refreshToken) }),
    ...(json.scope !== undefined && { scope: json.scope }),
  };
}
