const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The form of a URL that DPoP's `htu` is compared in (RFC 9449 §4.3 check 9): no query and no
 * fragment, with RFC 3986 §6.2.2 syntax-based normalisation and §6.2.3 scheme-based normalisation.
 * `URL` already lower-cases the scheme and host, drops a default port and gives an empty path `/`;
 * this also upper-cases percent-encodings (§6.2.2.1) and decodes those of unreserved characters
 * (§6.2.2.2). Answers `undefined` for something that is not an absolute http(s) URL.
 */
export function normalizeHtu(value: string | URL): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const path = url.pathname.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return `${url.protocol}//${url.host}${path}`;
}
