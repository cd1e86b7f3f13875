import type { AuthResponse } from '../../credential/credential.js';
import { parseChallenges } from '../../http/parse-challenges.js';

/**
 * Reads the challenge for `scheme` (`bearer` or `dpop`) in a response's `WWW-Authenticate`: `null`
 * when there is none, otherwise its `error` param (RFC 6750 §3: `invalid_token`,
 * `insufficient_scope`; RFC 9449 §9: `use_dpop_nonce`), or `undefined` when the challenge has no
 * error (the request lacked credentials, RFC 6750 §3.1).
 */
export function readBearerChallenge(response: AuthResponse, scheme = 'bearer'): string | undefined | null {
  const header = response.headers.get('www-authenticate');
  if (header === null) return null;
  const challenge = parseChallenges(header).find((candidate) => candidate.scheme === scheme.toLowerCase());
  return challenge === undefined ? null : challenge.params.error;
}
