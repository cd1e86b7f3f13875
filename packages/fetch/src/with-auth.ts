import { type Credential, createSendLoop, redactRequest, type SendLoopOptions, SignetRequestError, type Transport } from '@signet/core';
import { toFetchBody } from './fetch-body.js';
import { type TranslatedCall, toOutgoingRequest } from './to-outgoing-request.js';

/** Options for {@link withAuth}: the send loop's options (`origins` is required). */
export type WithAuthOptions = SendLoopOptions;

/**
 * Wraps a fetch function so every request to the credential's origins carries the credential.
 * The result has fetch's exact signature and works with the global fetch of Node, browsers,
 * Deno, Bun and workers, with a `Request` as well as with a URL and init.
 *
 * Redirects are followed by Signet, not by fetch, so that credentials never follow a request to
 * another origin and same-origin hops are authorized again. `redirect: 'manual'` returns the 3xx
 * as fetch does; `redirect: 'error'` rejects with a `SignetRequestError` (`redirect_refused`)
 * where fetch would throw a `TypeError`. In browsers, which hide redirect targets, a redirect
 * fails with `redirect_not_followable` rather than risk sending credentials along.
 *
 * @example
 * ```ts
 * import { apiKey } from '@signet/core';
 * import { withAuth } from '@signet/fetch';
 * const api = withAuth(fetch, apiKey({ key: process.env.API_KEY! }), { origins: 'https://api.example.com' });
 * const response = await api('https://api.example.com/v1/things');
 * ```
 */
export function withAuth(fetchFn: typeof fetch, credential: Credential, options: WithAuthOptions): typeof fetch {
  if (typeof fetchFn !== 'function') throw new TypeError('withAuth: the first argument must be a fetch function');
  const loop = createSendLoop(credential, options);

  // Not an async function: one that returns the loop's promise resolves its own with it, two
  // more turns and a promise per request. Anything that throws still rejects, as fetch does.
  return function authorizedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let call: TranslatedCall;
    try {
      call = toOutgoingRequest(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const transport: Transport<BodyInit, Response> = async (request, signal) => {
      const body = toFetchBody(request.body);
      // The caller's other options, copied, with the request's own over them. Object.assign, not a
      // spread: V8 builds a literal that spreads a non-empty object and adds fields on a slow path.
      const requestInit: RequestInit & { duplex?: 'half' } = Object.assign({}, call.passThrough);
      requestInit.method = request.method;
      requestInit.headers = request.headers;
      requestInit.body = body ?? null;
      // Signet follows redirects itself, to apply its origin policy to every hop.
      requestInit.redirect = 'manual';
      requestInit.signal = signal ?? null;
      if (body instanceof ReadableStream) requestInit.duplex = 'half';
      const response = await fetchFn(request.url, requestInit);
      if (response.type === 'opaqueredirect' && call.redirect !== 'manual') {
        // Browsers hide the target of a manual redirect, so Signet cannot tell where credentials would go.
        throw call.redirect === 'error'
          ? new SignetRequestError('redirect_refused', "the server redirected and the request said redirect: 'error'", redactRequest(request))
          : new SignetRequestError(
              'redirect_not_followable',
              'the server redirected, but this runtime hides redirect targets, so Signet cannot apply its origin policy; avoid the redirect or pass redirect: "manual"',
              redactRequest(request),
            );
      }
      return { status: response.status, headers: response.headers, raw: response, discard: () => response.body?.cancel().catch(() => undefined) };
    };
    return loop.send(call.request, transport, { redirect: call.redirect, signal: call.signal });
  } as typeof fetch;
}
