import { canonicalPath } from './canonical-path.js';
import { canonicalQuery } from './canonical-query.js';

/** The parts of a request that an HMAC-SHA256 signature covers. */
export interface HmacSignedParts {
  readonly timestamp: number;
  readonly nonce: string;
  readonly method: string;
  readonly url: URL;
  /** Lower-case names of the signed headers, in signing order. */
  readonly signedHeaders: readonly string[];
  /** The request's headers (the signed ones must be present). */
  readonly headers: Headers;
  /** Lower-case hex SHA-256 of the exact body bytes (of zero bytes when there is no body). */
  readonly bodySha256: string;
}

/**
 * The string an HMAC-SHA256 signature is computed over (docs/schemes/hmac.md, "String to sign"):
 * lines joined by LF, with no trailing LF.
 *
 * ```text
 * HMAC-SHA256
 * <timestamp>
 * <nonce>
 * <METHOD>
 * <host>
 * <canonical path>
 * <canonical query>
 * <name>:<value>        one line per signed header, in the listed order
 * <signed header names joined by ";">
 * <hex SHA-256 of the body>
 * ```
 */
export function buildStringToSign(parts: HmacSignedParts): string {
  const { signedHeaders } = parts;
  return stringToSign(parts.timestamp, parts.nonce, parts.method, parts.url, { names: signedHeaders, joined: signedHeaders.join(';') }, parts.headers, parts.bodySha256);
}

/** Signed header names, and the same joined with `;` as the signature's header list line: made once per credential. */
export interface SignedHeaderList {
  readonly names: readonly string[];
  readonly joined: string;
}

/** {@link buildStringToSign} with the parts as arguments, for the signer: no parts object per request. */
export function stringToSign(timestamp: number, nonce: string, method: string, url: URL, signed: SignedHeaderList, headers: Headers, bodySha256: string): string {
  const signedHeaders = signed.names;
  // One join: the result is a flat string, where a chain of `+` builds a rope of intermediate
  // strings that the HMAC then has to flatten (a few hundred bytes more per request).
  const count = signedHeaders.length;
  const lines = linesOf(FIXED_LINES + count);
  lines[0] = 'HMAC-SHA256';
  lines[1] = String(timestamp);
  lines[2] = nonce;
  lines[3] = method.toUpperCase();
  lines[4] = url.host;
  lines[5] = canonicalPath(url.pathname);
  lines[6] = canonicalQuery(url.search);
  for (let i = 0; i < count; i++) {
    const name = signedHeaders[i]!;
    lines[7 + i] = `${name}:${trimOws(headers.get(name) ?? '')}`;
  }
  lines[7 + count] = signed.joined;
  lines[8 + count] = bodySha256;
  const text = lines.join('\n');
  // Let go of this request's strings; the list itself is kept for the next one.
  lines.fill('');
  return text;
}

// Nine lines, plus one per signed header.
const FIXED_LINES = 9;
// One list of lines per length, reused: growing a new one line by line cost about 150 bytes a
// request. Safe to share, since nothing runs between filling it and joining it. Only for the
// lengths a signer uses: the verifier builds this string from a header list an unauthenticated
// sender chooses, and a kept list per length it names would be memory it could grow at will.
const MAX_REUSED_LINES = FIXED_LINES + 32;
const reusedLines: string[][] = [];

function linesOf(length: number): string[] {
  if (length > MAX_REUSED_LINES) return new Array<string>(length).fill('');
  return (reusedLines[length] ??= new Array<string>(length).fill(''));
}

// Spaces and tabs only (RFC 9110 §5.5 OWS), not JavaScript's wider trim(): other languages must
// agree. Most values have none, and are returned as they are.
function trimOws(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first === 32 || first === 9 || last === 32 || last === 9 ? value.replace(/^[ \t]+|[ \t]+$/g, '') : value;
}
