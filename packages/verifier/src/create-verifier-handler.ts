import type { Verifier } from './create-verifier.js';
import type { VerificationResult } from './verification-result.js';

/** A fetch-style request handler: the shape of `Deno.serve`, `Bun.serve`, workers and msw. */
export type RequestHandler = (request: Request) => Promise<Response>;

/** What the handler answers, as JSON. Names the identity, never a secret. */
export interface VerifierResponseBody {
  readonly verified: boolean;
  readonly scheme: string | null;
  readonly identity: string | null;
  readonly reason: string | null;
  readonly method: string;
  readonly path: string;
  /** Length of the body the verifier received, so tests can see a body was not lost. */
  readonly bodyBytes: number;
  /** Lower-case names of the headers received (never their values). */
  readonly headerNames: readonly string[];
}

/**
 * Wraps a verifier as a fetch-style handler: 200 with a JSON report when the request is
 * authenticated, otherwise the result's status with its `WWW-Authenticate` challenge.
 *
 * @example
 * ```ts
 * Deno.serve(createVerifierHandler(createVerifier({ basic: { users: { alice: password } } })));
 * ```
 */
export function createVerifierHandler(verifier: Verifier): RequestHandler {
  return async (request) => {
    // Verify first: it reads the body from a clone, which must be taken before the body is consumed.
    const result = await verifier.verify(request);
    const body = await request.arrayBuffer();
    return toResponse(result, request, body.byteLength);
  };
}

function toResponse(result: VerificationResult, request: Request, bodyBytes: number): Response {
  const url = new URL(request.url);
  const report: VerifierResponseBody = {
    verified: result.ok,
    scheme: result.scheme ?? null,
    identity: result.ok ? result.identity : null,
    reason: result.ok ? null : result.reason,
    method: request.method,
    path: url.pathname,
    bodyBytes,
    headerNames: [...request.headers.keys()],
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (!result.ok) headers['www-authenticate'] = result.challenge;
  // Headers the scheme asks to send back (a fresh DPoP-Nonce, RFC 9449 §9), on success and refusal alike.
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = value;
  return new Response(JSON.stringify(report), { status: result.ok ? 200 : result.status, headers });
}
