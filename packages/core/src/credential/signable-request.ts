import type { SigningHeaders } from './signing-headers.js';

/**
 * A request as a scheme sees it: plain data, bytes not streams. A scheme returns the request with
 * its proof attached through {@link withHeader}, {@link withHeaders} or {@link withQueryParam}:
 * during a send its headers are {@link SigningHeaders} the loop owns, written in place (the next
 * attempt starts from a copy without those writes); anywhere else they are copied, so a caller's
 * request is never changed.
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
 * `request` with header `name` set to `value` (replacing any). During a send (headers the loop
 * owns, in an attempt) it is set in place and `request` itself is returned; otherwise on a copy
 * of the headers. The common case of {@link withHeaders}, without building and walking a record.
 */
export function withHeader(request: SignableRequest, name: string, value: string): SignableRequest {
  const owned = request.headers;
  if (inAttempt(owned)) {
    owned.set(name, value);
    return request;
  }
  const headers = new Headers(owned);
  headers.set(name, value);
  return { method: request.method, url: request.url, headers, body: request.body };
}

/** `request` with `headers` set (replacing any with the same name): in place during a send, as {@link withHeader}, otherwise on a copy. */
export function withHeaders(request: SignableRequest, headers: Record<string, string>): SignableRequest {
  const owned = request.headers;
  if (inAttempt(owned)) {
    for (const [name, value] of Object.entries(headers)) owned.set(name, value);
    return request;
  }
  const merged = new Headers(owned);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return { ...request, headers: merged };
}

// Known by its flag, not by instanceof: a scheme's bundle then does not carry the class, which
// only the send loop and the adapters construct (about 0.35 kB gzip in the hmac entry).
function inAttempt(headers: Headers): headers is SigningHeaders {
  return (headers as Partial<SigningHeaders>).inAttempt === true;
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
