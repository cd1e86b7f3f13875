/** One challenge of a `WWW-Authenticate` header: its scheme (lower-case) and its auth-params (names lower-case). */
export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

// RFC 9110 §11.6.1: challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ], and a header holds
// a comma-separated list of them, so a comma separates params and challenges alike: a token
// followed by "=" is a param of the current challenge, a bare token starts the next challenge.
const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"/y;
const TOKEN68 = /[A-Za-z0-9._~+/-]+=*(?=\s*(?:,|$))/y;

/**
 * Parses a `WWW-Authenticate` header value into its challenges (RFC 9110 §11.6.1). Lenient in
 * what it skips, strict in what it returns: a malformed part ends the parse, keeping what came before.
 *
 * @example
 * ```ts
 * parseChallenges('Bearer realm="api", error="invalid_token", DPoP algs="ES256"');
 * // [{ scheme: 'bearer', params: { realm: 'api', error: 'invalid_token' } }, { scheme: 'dpop', params: { algs: 'ES256' } }]
 * ```
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let at = 0;
  const skip = (pattern: RegExp): void => {
    while (at < header.length && pattern.test(header[at] as string)) at++;
  };
  const read = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const match = pattern.exec(header);
    if (match !== null) at = pattern.lastIndex;
    return match;
  };
  for (;;) {
    skip(/[\s,]/);
    if (at >= header.length) return challenges;
    const word = read(TOKEN);
    if (word === null) return challenges;
    const afterWord = at;
    skip(/[ \t]/);
    const current = challenges[challenges.length - 1];
    if (header[at] === '=' && current !== undefined && header[at + 1] !== '=') {
      at++;
      skip(/[ \t]/);
      const value = read(QUOTED);
      const text = value !== null ? (value[1] as string).replace(/\\(.)/g, '$1') : read(TOKEN)?.[0];
      if (text === undefined) return challenges;
      current.params[word[0].toLowerCase()] = text;
      continue;
    }
    at = afterWord;
    challenges.push({ scheme: word[0].toLowerCase(), params: {} });
    skip(/[ \t]/);
    // A token68 (`Basic dXNlcjpwYXNz`) instead of params: kept as the `token68` param.
    const token68 = header[at] !== ',' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=(?!=)/.test(header.slice(at)) ? read(TOKEN68) : null;
    if (token68 !== null) (challenges[challenges.length - 1] as { params: Record<string, string> }).params.token68 = token68[0];
  }
}
