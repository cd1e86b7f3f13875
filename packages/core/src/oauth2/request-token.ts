import type { Credential } from '../credential/credential.js';
import type { SignableRequest } from '../credential/signable-request.js';
import { isLoopback } from '../policy/origin-policy.js';
import { parseRetryAfter } from '../send/parse-retry-after.js';
import { Secret } from '../secret/secret.js';
import type { TokenSet } from '../tokens/token-set.js';
import type { TokenSourceContext } from '../tokens/token-source.js';
import type { ClientAuthentication } from './client-authentication.js';
import { TokenEndpointError } from './token-endpoint-error.js';

/** One call to a token endpoint (RFC 6749 §3.2). */
export interface TokenRequest {
  /** The grant's name, for errors and events (`client_credentials`). */
  readonly grant: string;
  readonly tokenEndpoint: URL;
  /** The form parameters: `grant_type` and the grant's own (`scope`, `refresh_token`, …). */
  readonly params: Readonly<Record<string, string>>;
  /** Adds the client's authentication. */
  readonly authenticate: ClientAuthentication;
  /** The fetch to use (default: the global one, looked up at call time). */
  readonly fetch?: typeof fetch | undefined;
}

// RFC 6749 §5.2: the errors after which this grant can never succeed again.
const SESSION_ENDING = new Set(['invalid_grant', 'invalid_client']);
// RFC 6750 §2.1 b64token: what may follow "Bearer " in a header.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MAX_RESPONSE_BYTES = 64 * 1024;
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends one token request and reads the response per RFC 6749 §5.1 and §5.2, sorting failures
 * for the token refresher: `invalid_grant`/`invalid_client` end the session; a network error, a
 * 5xx, a 429 or an unreadable body is transient (with the server's Retry-After); anything else
 * is a permanent `token_request_failed`. Redirects are never followed (they would carry the
 * client's credentials elsewhere), and plain http is refused except to loopback.
 *
 * A `tokenRequestCredential` in the context (DPoP) signs the request and may ask for one re-send
 * (a `use_dpop_nonce` error, RFC 9449 §8).
 */
export async function requestToken(request: TokenRequest, context: TokenSourceContext): Promise<TokenSet> {
  const { grant, tokenEndpoint } = request;
  if (tokenEndpoint.protocol !== 'https:' && !isLoopback(tokenEndpoint)) {
    throw new TokenEndpointError(grant, 'token_request_failed', 'insecure_endpoint', { description: 'the token endpoint must use https (plain http only to loopback)' });
  }
  const credential = context.tokenRequestCredential;
  for (let attempt = 1; ; attempt++) {
    const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
    const form = new URLSearchParams(request.params as Record<string, string>);
    await request.authenticate(headers, form, tokenEndpoint, context);
    let signable: SignableRequest = { method: 'POST', url: tokenEndpoint, headers, body: new TextEncoder().encode(form.toString()) };
    const attemptContext = { ...context, attempt };
    if (credential !== undefined) signable = await credential.authorize(signable, attemptContext);
    const obtainedAt = context.clock.now();
    const response = await send(request, signable, context.signal);
    // The token endpoint is configured, so trusted with the time: learn it before a proof (DPoP)
    // decides whether a re-send dated by the corrected clock would do better.
    learnServerTime(response, context);
    // A 400's error decides whether a proof may be re-sent, so it is read first (and only once).
    const refusal = response.status === 400 ? await readJson(response) : undefined;
    if (credential !== undefined) {
      // The credential always sees the response (it learns a new DPoP nonce from any of them), but
      // the grant is re-sent only for a proof problem (RFC 9449 §8): never after, say,
      // invalid_grant, which would present a refresh token the server has just refused once more.
      const verdict = await askRetry(credential, response, signable, attemptContext);
      if (verdict && attempt === 1 && (refusal?.error === 'use_dpop_nonce' || refusal?.error === 'invalid_dpop_proof')) continue;
    }
    return readTokenResponse(grant, response, obtainedAt, credential === undefined ? 'bearer' : undefined, context.clock.now(), refusal);
  }
}

function learnServerTime(response: Response, context: TokenSourceContext): void {
  const date = response.headers.get('date');
  if (date !== null && context.clock.observeServerTime(Date.parse(date), 1000)) context.emit({ type: 'clock.adjusted', offsetMs: context.clock.offsetMs });
}

async function askRetry(credential: Credential, response: Response, request: SignableRequest, context: TokenSourceContext): Promise<boolean> {
  // Given status and headers only: the body (if read) is the grant's.
  return (await credential.onResponse?.({ status: response.status, headers: response.headers }, request, context)) === 'retry';
}

async function send(request: TokenRequest, signable: SignableRequest, signal: AbortSignal | undefined): Promise<Response> {
  const fetchFn = request.fetch ?? globalThis.fetch;
  // A refresh is shared by every waiting caller, so it carries no caller's signal: a token
  // endpoint that never answers must still end, as a transient failure the refresher retries.
  const timeout = signal === undefined ? AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS) : undefined;
  try {
    return await fetchFn(signable.url, { method: 'POST', headers: signable.headers, body: (signable.body ?? null) as BodyInit | null, redirect: 'manual', signal: signal ?? timeout ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    // fetch rejects with a TypeError for network failures; its message holds no request data.
    throw new TokenEndpointError(request.grant, 'token_refresh_failed', timeout?.aborted ? 'timeout' : 'network', { cause: error });
  }
}

/**
 * Reads a token response. `tokenType` is the type the caller can use (`bearer`), or undefined
 * when a decorator (DPoP) checks it itself.
 */
async function readTokenResponse(grant: string, response: Response, obtainedAt: number, tokenType: string | undefined, now: number, preread: Record<string, unknown> | undefined): Promise<TokenSet> {
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.parse(response.headers.get('date') ?? '') || now);
  if (status === 429 || status >= 500) {
    await response.body?.cancel().catch(() => undefined);
    return fail(grant, 'token_refresh_failed', `http_${status}`, { status, retryAfterMs });
  }
  if (status >= 300 && status < 400) {
    await response.body?.cancel().catch(() => undefined);
    return fail(grant, 'token_request_failed', 'redirect', { status, description: 'the token endpoint redirected; a token request is never followed elsewhere' });
  }
  const body = status === 400 ? preread : await readJson(response);
  if (status !== 200) {
    const error = typeof body?.error === 'string' && /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/.test(body.error) ? body.error : `http_${status}`;
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    return fail(grant, SESSION_ENDING.has(error) ? 'session_ended' : 'token_request_failed', error, { status, description });
  }
  // A 200 that is not a token response is most likely a proxy's page: transient.
  if (body === undefined) return fail(grant, 'token_refresh_failed', 'malformed_response', { status, description: 'the response was not JSON' });
  const { access_token, token_type, expires_in, refresh_token, scope } = body;
  if (typeof access_token !== 'string' || !B64TOKEN.test(access_token)) return fail(grant, 'token_refresh_failed', 'malformed_response', { status, description: 'no usable access_token' });
  if (typeof token_type !== 'string' || (tokenType !== undefined && token_type.toLowerCase() !== tokenType)) {
    return fail(grant, 'token_request_failed', 'unsupported_token_type', { status, description: `token_type ${JSON.stringify(String(token_type)).slice(0, 40)} is not ${tokenType}` });
  }
  const seconds = typeof expires_in === 'string' && /^\d+$/.test(expires_in) ? Number(expires_in) : expires_in;
  if (seconds !== undefined && !(typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)) {
    return fail(grant, 'token_refresh_failed', 'malformed_response', { status, description: 'expires_in is not a number of seconds' });
  }
  if (refresh_token !== undefined && (typeof refresh_token !== 'string' || refresh_token === '')) {
    return fail(grant, 'token_refresh_failed', 'malformed_response', { status, description: 'refresh_token is not a string' });
  }
  return {
    accessToken: new Secret(access_token),
    tokenType: token_type,
    obtainedAt,
    // Counted from before the request was sent, so the time on the wire shortens our estimate,
    // never lengthens it.
    expiresAt: seconds === undefined ? undefined : obtainedAt + seconds * 1000,
    refreshToken: refresh_token === undefined ? undefined : new Secret(refresh_token),
    scope: typeof scope === 'string' ? scope : undefined,
  };
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) return undefined;
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fail(grant: string, code: 'session_ended' | 'token_request_failed' | 'token_refresh_failed', reason: string, details: ConstructorParameters<typeof TokenEndpointError>[3]): never {
  throw new TokenEndpointError(grant, code, reason, details);
}
