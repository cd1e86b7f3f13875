import { Secret, SignetCredentialError } from '@signet/core';
import type { TokenSet } from '@signet/core/bearer';

// The JSON a token set is stored as. Token values are revealed here and only here: the string
// goes to Redis and nowhere else (never into an error, an event or a log).
interface TokenRecordJson {
  readonly v: 1;
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresAt?: number;
  readonly obtainedAt?: number;
  readonly refreshToken?: string;
  readonly scope?: string;
}

/** A token set as the JSON string stored in Redis, with its secrets revealed. */
export function serializeTokens(tokens: TokenSet): string {
  const json: TokenRecordJson = {
    v: 1,
    accessToken: tokens.accessToken.reveal(),
    tokenType: tokens.tokenType,
    ...(tokens.expiresAt !== undefined && { expiresAt: tokens.expiresAt }),
    ...(tokens.obtainedAt !== undefined && { obtainedAt: tokens.obtainedAt }),
    ...(tokens.refreshToken !== undefined && { refreshToken: tokens.refreshToken.reveal() }),
    ...(tokens.scope !== undefined && { scope: tokens.scope }),
  };
  return JSON.stringify(json);
}

/**
 * The stored JSON back as a token set, its tokens in Secrets. A record that is not one of ours
 * (another version wrote it, or someone edited it by hand) throws an error that says so without
 * quoting it, since it may hold tokens; the refresher then treats the store as unavailable.
 */
export function parseTokens(stored: string): TokenSet {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    throw malformed('it is not JSON');
  }
  if (typeof json !== 'object' || json === null) throw malformed('it is not an object');
  const record = json as Partial<Record<keyof TokenRecordJson, unknown>>;
  if (record.v !== 1) throw malformed('unknown version');
  if (typeof record.accessToken !== 'string' || typeof record.tokenType !== 'string') throw malformed('accessToken and tokenType must be strings');
  for (const field of ['expiresAt', 'obtainedAt'] as const) {
    if (record[field] !== undefined && typeof record[field] !== 'number') throw malformed(`${field} must be a number`);
  }
  if (record.refreshToken !== undefined && typeof record.refreshToken !== 'string') throw malformed('refreshToken must be a string');
  if (record.scope !== undefined && typeof record.scope !== 'string') throw malformed('scope must be a string');
  return {
    accessToken: new Secret(record.accessToken),
    tokenType: record.tokenType,
    ...(record.expiresAt !== undefined && { expiresAt: record.expiresAt as number }),
    ...(record.obtainedAt !== undefined && { obtainedAt: record.obtainedAt as number }),
    ...(record.refreshToken !== undefined && { refreshToken: new Secret(record.refreshToken) }),
    ...(record.scope !== undefined && { scope: record.scope }),
  };
}

function malformed(why: string): SignetCredentialError {
  return new SignetCredentialError('redis', `the stored token record is not one this version can read (${why})`);
}
