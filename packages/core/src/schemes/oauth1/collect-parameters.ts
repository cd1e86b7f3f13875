import { type OAuth1Parameter, parseFormEncoded } from './parse-form-encoded.js';

/** The parts of a request whose parameters an OAuth 1.0a signature covers. */
export interface OAuth1ParameterSources {
  readonly url: URL;
  /** The request's `Content-Type`, if any: only a form body contributes parameters. */
  readonly contentType: string | null;
  readonly body: Uint8Array | undefined;
  /** The protocol parameters (decoded), as in the Authorization header without `realm`. */
  readonly protocolParameters: readonly OAuth1Parameter[];
}

const FORM = /^\s*application\/x-www-form-urlencoded\s*(?:;|$)/i;
const decoder = new TextDecoder();

/**
 * Whether a body with this `Content-Type` is a form whose parameters are signed (RFC 5849
 * §3.4.1.3.1): `application/x-www-form-urlencoded`, in any case, with or without parameters.
 */
export function isFormContentType(contentType: string | null | undefined): boolean {
  return contentType != null && FORM.test(contentType);
}

/**
 * Collects the parameters an OAuth 1.0a signature covers (RFC 5849 §3.4.1.3.1), decoded: the
 * query, a form body, and the protocol parameters, in that order, duplicates kept.
 * `oauth_signature` is excluded wherever it appears.
 *
 * @example
 * ```ts
 * collectParameters({ url: new URL('http://example.com/request?a3=a'), contentType: 'application/x-www-form-urlencoded',
 *   body: utf8('c2&a3=2+q'), protocolParameters: [['oauth_nonce', '7d8f3e4a']] });
 * // [['a3', 'a'], ['c2', ''], ['a3', '2 q'], ['oauth_nonce', '7d8f3e4a']]
 * ```
 */
export function collectParameters(sources: OAuth1ParameterSources): OAuth1Parameter[] {
  const parameters = parseFormEncoded(sources.url.search);
  if (sources.body !== undefined && sources.body.length > 0 && isFormContentType(sources.contentType)) {
    parameters.push(...parseFormEncoded(decoder.decode(sources.body)));
  }
  parameters.push(...sources.protocolParameters);
  // §3.4.1.3.1: "The oauth_signature parameter MUST be excluded", from whichever source.
  return parameters.filter(([name]) => name !== 'oauth_signature');
}
