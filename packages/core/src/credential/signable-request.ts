/**
 * A request as a scheme sees it: plain data, bytes not streams. Schemes never mutate it; they
 * return a new one (see {@link withHeaders}).
 */
export interface SignableRequest {
  /** The method, upper-case for the standard methods (as `fetch` normalizes them). */
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /**
   * The exact bytes that will be sent. Present when the credential declared `requiresBody`
   * (the send loop buffered it) or when the caller's body already was bytes; otherwise
   * `undefined`, which for a scheme that does not read bodies means nothing.
   */
  readonly body: Uint8Array | undefined;
}

/**
 * A copy of `request` with header `name` set to `value` (replacing any). The common case of
 * {@link withHeaders}, without building and walking a record: one copy of the headers, one set.
 */
export function withHeader(request: SignableRequest, name: string, value: string): SignableRequest {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return { method: request.method, url: request.url, headers, body: request.body };
}

/** A copy of `request` with `headers` set (replacing any with the same name). */
export function withHeaders(request: SignableRequest, headers: Record<string, string>): SignableRequest {
  const merged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return { ...request, headers: merged };
}

/**
 * A copy of `request` with query parameter `name` set to `value`. The rest of the query keeps its
 * exact bytes: going through `URLSearchParams` would re-encode all of it (`%20` becomes `+`),
 * which breaks any signature computed over the URL.
 */
export function withQueryParam(request: SignableRequest, name: string, value: string): SignableRequest {
  const url = new URL(request.url);
  if (url.searchParams.has(name)) {
    url.searchParams.set(name, value);
  } else {
    const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    url.search = url.search.length > 1 ? `${url.search}&${pair}` : pair;
  }
  return { ...request, url };
}
