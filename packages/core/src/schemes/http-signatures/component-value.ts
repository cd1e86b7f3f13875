import { SignetCredentialError } from '../../errors/credential-error.js';
import type { SignableRequest } from '../../credential/signable-request.js';

/** What a signature base is built from: the request's method, URL and headers (never its body). */
export type SignedRequestParts = Pick<SignableRequest, 'method' | 'url' | 'headers'>;

/**
 * The value of one component of a request (RFC 9421 §2.1 fields, §2.2 derived components), or
 * `undefined` when the request has no such field. The URL is read through WHATWG `URL`, which
 * both sides use, so host case, default ports and percent-encoding agree.
 *
 * @example
 * ```ts
 * const parts = { method: 'POST', url: new URL('https://example.com/foo?a=1'), headers: new Headers() };
 * componentValue(parts, '@request-target'); // '/foo?a=1'
 * componentValue(parts, 'content-type');    // undefined
 * ```
 */
export function componentValue(request: SignedRequestParts, name: string): string | undefined {
  const { url } = request;
  switch (name) {
    // §2.2.1: the method, as sent (case-sensitive).
    case '@method':
      return request.method;
    // §2.2.2: the full target URI, never with a fragment (it is not sent).
    case '@target-uri': {
      const target = new URL(url);
      target.hash = '';
      return target.href;
    }
    // §2.2.3: host[:port], lower-case, default port omitted (RFC 9110 §7.2).
    case '@authority':
      return url.host;
    // §2.2.4: the scheme, lower-case.
    case '@scheme':
      return url.protocol.slice(0, -1);
    // §2.2.5: the request target in origin-form: absolute path and query.
    case '@request-target':
      return url.pathname + url.search;
    // §2.2.6: the absolute path; an empty path is "/".
    case '@path':
      return url.pathname === '' ? '/' : url.pathname;
    // §2.2.7: the query with its leading "?"; with no query (or an empty one), "?" alone.
    case '@query':
      return url.search === '' ? '?' : url.search;
    default:
      if (name.startsWith('@')) throw new SignetCredentialError('http-signature', `the derived component ${name} is not supported`);
      // §2.1: field lines combined with ", ", each stripped of leading and trailing whitespace;
      // Headers does exactly that.
      return request.headers.get(name) ?? undefined;
  }
}
