import { percentDecode, percentEncode } from '../../percent-encoding.js';

const CANONICAL = /^[A-Za-z0-9\-._~/]*$/;

/**
 * The canonical form of a URL path: each `/`-separated segment decoded and re-encoded (RFC 3986
 * unreserved set), so `%7E` and `~` sign alike while an encoded slash (`%2F`) stays distinct from
 * a real one. An empty path is `/`. Dot segments are not touched: the URL parser on each side
 * has already removed them.
 *
 * @example
 * ```ts
 * canonicalPath('/a%7eb/c%2Fd'); // '/a~b/c%2Fd'
 * ```
 */
export function canonicalPath(pathname: string): string {
  if (pathname === '') return '/';
  // Most paths are already canonical: nothing to decode, nothing to encode.
  if (CANONICAL.test(pathname)) return pathname;
  return pathname
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
}
