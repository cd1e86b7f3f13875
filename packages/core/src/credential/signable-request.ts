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

/** A copy of `request` with `headers` set (replacing any with the same name). */
export function withHeaders(request: SignableRequest, headers: Record<string, string>): SignableRequest {
  const merged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return { ...request, headers: merged };
}

/** A copy of `request` with query parameter `name` set to `value`. */
export function withQueryParam(request: SignableRequest, name: string, value: string): SignableRequest {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return { ...request, url };
}
