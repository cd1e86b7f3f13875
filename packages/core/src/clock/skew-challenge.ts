import type { AuthContext } from '../credential/auth-context.js';
import type { AuthResponse, ResponseVerdict } from '../credential/credential.js';

/**
 * The server time (Unix seconds) from a 401 whose `WWW-Authenticate` has a challenge for `scheme`
 * with `error="timestamp_skew"` and `server_time="<seconds>"`, as Signet's verifier sends (after
 * Hawk's signed-timestamp challenge). Undefined for any other response.
 *
 * @example
 * ```ts
 * readSkewChallenge(response, 'HMAC-SHA256'); // 1700000000
 * ```
 */
export function readSkewChallenge(response: AuthResponse, scheme: string): number | undefined {
  if (response.status !== 401) return undefined;
  const header = response.headers.get('www-authenticate');
  if (header === null) return undefined;
  const at = header.toLowerCase().indexOf(`${scheme.toLowerCase()} `);
  if (at < 0) return undefined;
  // The params of this challenge run until the next challenge's scheme word (a token then a space).
  const params = header.slice(at + scheme.length).split(/,\s*(?=[!#$%&'*+.^_`|~0-9A-Za-z-]+ )/)[0] ?? '';
  if (!/\berror="timestamp_skew"/.test(params)) return undefined;
  const match = /\bserver_time="(\d{1,12})"/.exec(params);
  return match ? Number(match[1]) : undefined;
}

/**
 * What a time-based credential does with a response to a request it signed at `signedAt`
 * (Unix seconds): on a skew challenge, learn the server's time into the shared clock (the send
 * loop may already have, from the `Date` header), and ask for one re-send if a new signature
 * would now agree with the server where the old one did not.
 */
export function resignAfterSkew(response: AuthResponse, scheme: string, signedAt: number | undefined, context: AuthContext): ResponseVerdict {
  const serverTime = readSkewChallenge(response, scheme);
  if (serverTime === undefined) return undefined;
  if (context.clock.observeServerTime(serverTime * 1000, 1000)) context.emit({ type: 'clock.adjusted', offsetMs: context.clock.offsetMs });
  const now = context.clock.now() / 1000;
  const clockAgrees = Math.abs(now - serverTime) <= 2;
  return clockAgrees && signedAt !== undefined && Math.abs(signedAt - now) > 2 ? 'retry' : undefined;
}
