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
  const { signedHeaders, headers, url } = parts;
  // One join: the result is a flat string, where a chain of `+` builds a rope of intermediate
  // strings that the HMAC then has to flatten (a few hundred bytes more per request).
  const lines = ['HMAC-SHA256', String(parts.timestamp), parts.nonce, parts.method.toUpperCase(), url.host, canonicalPath(url.pathname), canonicalQuery(url.search)];
  for (const name of signedHeaders) lines.push(`${name}:${trimOws(headers.get(name) ?? '')}`);
  lines.push(signedHeaders.join(';'), parts.bodySha256);
  return lines.join('\n');
}

// Spaces and tabs only (RFC 9110 §5.5 OWS), not JavaScript's wider trim(): other languages must
// agree. Most values have none, and are returned as they are.
function trimOws(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first === 32 || first === 9 || last === 32 || last === 9 ? value.replace(/^[ \t]+|[ \t]+$/g, '') : value;
}
