import { SignetCredentialError, tokenSetFromJSON, tokenSetToJSON } from '@signet/core';
import type { TokenSet } from '@signet/core/bearer';

// A token set is stored as core's token set JSON with a version field, `{ v: 1, ...tokens }`.
// Token values are revealed here and only here: the string goes to Redis and nowhere else
// (never into an error, an event or a log).

/** A token set as the JSON string stored in Redis, with its secrets revealed. */
export function serializeTokens(tokens: TokenSet): string {
  return JSON.stringify({ v: 1, ...tokenSetToJSON(tokens) });
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
  if ((json as { v?: unknown }).v !== 1) throw malformed('unknown version');
  try {
    return tokenSetFromJSON(json, 'record');
  } catch (error) {
    throw malformed((error as TypeError).message);
  }
}

function malformed(why: string): SignetCredentialError {
  return new SignetCredentialError('redis', `the stored token record is not one this version can read (${why})`);
}
