/** The statuses that redirect (RFC 9110 §15.4). 300 and 304 do not. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where and how a redirect says to go next. */
export interface RedirectStep {
  readonly url: URL;
  readonly method: string;
  /** True when the next request has no body (and no content headers). */
  readonly dropBody: boolean;
}

/**
 * The next hop for a redirect response, or `undefined` when `status` is not a redirect or there is
 * no usable `Location`. Method rewriting follows the Fetch standard's HTTP-redirect fetch
 * (step 12): 301/302 turn POST into GET, 303 turns everything but GET/HEAD into GET; 307 and 308
 * keep method and body.
 */
export function followRedirect(status: number, location: string | null, from: URL, method: string): RedirectStep | undefined {
  if (!REDIRECTS.has(status) || location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return undefined;
  }
  // A fragment-less Location inherits the current fragment (Fetch, HTTP-redirect fetch step 18).
  if (!url.hash && from.hash) url.hash = from.hash;
  const toGet = ((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD');
  return toGet ? { url, method: 'GET', dropBody: true } : { url, method, dropBody: false };
}

/**
 * Headers describing a body, removed when a redirect drops it: the Fetch standard's list
 * (HTTP-redirect fetch step 12), plus RFC 9530 `content-digest`, a digest of the body that is gone.
 */
export const CONTENT_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length', 'content-digest'] as const;
