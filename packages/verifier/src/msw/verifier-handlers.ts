import { http, type HttpHandler } from 'msw';
import { createVerifierHandler } from '../create-verifier-handler.js';
import type { Verifier } from '../create-verifier.js';

/** Options for {@link verifierHandlers}. */
export interface VerifierHandlersOptions {
  /** The origin to intercept, e.g. `"https://api.example.com"`. */
  origin: string;
}

/**
 * msw request handlers that answer every request to `origin` with the verifier's verdict, for
 * unit tests. Integration tests use the real server (`@signet/verifier/server`) instead.
 *
 * @example
 * ```ts
 * const server = setupServer(...verifierHandlers(verifier, { origin: 'https://api.example.com' }));
 * ```
 */
export function verifierHandlers(verifier: Verifier, options: VerifierHandlersOptions): HttpHandler[] {
  const handle = createVerifierHandler(verifier);
  const origin = new URL(options.origin).origin;
  return [http.all(`${origin}/*`, ({ request }) => handle(request))];
}
