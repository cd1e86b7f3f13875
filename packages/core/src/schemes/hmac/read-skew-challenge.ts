import type { AuthResponse } from '../../credential/credential.js';
import { HMAC_SCHEME } from './hmac-authorization.js';

/**
 * The server time (Unix seconds) from a 401 whose `WWW-Authenticate` has an HMAC-SHA256 challenge
 * with `error="timestamp_skew"` and `server_time="<seconds>"`, as Signet's verifier sends (after
 * Hawk's signed-timestamp challenge). Undefined for any other response.
 */
export function readSkewChallenge(response: AuthResponse): number | undefined {
  if (response.status !== 401) return undefined;
  const header = response.headers.get('www-authenticate');
  if (header === null) return undefined;
  const at = header.toLowerCase().indexOf(HMAC_SCHEME.toLowerCase());
  if (at < 0) return undefined;
  // The params of our challenge run until the next challenge's scheme word (a token followed by a space).
  const params = header.slice(at + HMAC_SCHEME.length).split(/,\s*(?=[!#$%&'*+.^_`|~0-9A-Za-z-]+ )/)[0] ?? '';
  if (!/\berror="timestamp_skew"/.test(params)) return undefined;
  const match = /\bserver_time="(\d{1,12})"/.exec(params);
  return match ? Number(match[1]) : undefined;
}
