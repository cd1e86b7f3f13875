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
  // Spaces and tabs only (RFC 9110 §5.5 OWS), not JavaScript's wider trim(): other languages must agree.
  const headerLines = parts.signedHeaders.map((name) => `${name}:${(parts.headers.get(name) ?? '').replace(/^[ \t]+|[ \t]+$/g, '')}\n`).join('');
  return (
    `HMAC-SHA256\n${parts.timestamp}\n${parts.nonce}\n${parts.method.toUpperCase()}\n${parts.url.host}\n` +
    `${canonicalPath(parts.url.pathname)}\n${canonicalQuery(parts.url.search)}\n${headerLines}${parts.signedHeaders.join(';')}\n${parts.bodySha256}`
  );
}
