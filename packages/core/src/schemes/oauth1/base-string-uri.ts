const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/**
 * The base string URI (RFC 5849 §3.4.1.2): scheme and host in lower case, the port only when it
 * is not the scheme's default (80 for http, 443 for https), the path as sent (`/` when empty),
 * and no query or fragment.
 *
 * @example
 * ```ts
 * baseStringUri(new URL('HTTP://EXAMPLE.COM:80/r%20v/X?id=123')); // 'http://example.com/r%20v/X'
 * ```
 */
export function baseStringUri(url: URL): string {
  // WHATWG URL already lower-cases both and drops a default port; said again here because the
  // RFC requires it and a URL-like value from elsewhere may not have been through the parser.
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const port = url.port === '' || url.port === DEFAULT_PORTS[scheme] ? '' : `:${url.port}`;
  return `${scheme}://${url.hostname.toLowerCase()}${port}${url.pathname === '' ? '/' : url.pathname}`;
}
