import type { AuthContext } from './auth-context.js';
import type { SignableRequest } from './signable-request.js';

/** What a credential sees of a response: enough to decide on a re-send, never the body. */
export interface AuthResponse {
  readonly status: number;
  readonly headers: Headers;
}

/** A credential's verdict on a response: `'retry'` asks the send loop to authorize and re-send once. */
export type ResponseVerdict = 'retry' | undefined;

/**
 * The contract every scheme implements, and all an adapter needs to know about auth.
 *
 * The send loop calls `authorize` before each send and `onResponse` after it; when `onResponse`
 * says `'retry'` it authorizes again and re-sends, at most once per request.
 */
export interface Credential {
  /** The scheme's name, for errors and events (`"api-key"`, `"basic"`). */
  readonly scheme: string;
  /** True when `authorize` must read the body; only then does the send loop buffer it. */
  readonly requiresBody: boolean;
  /**
   * Lower-case names of the headers this scheme writes. They are removed from any request that
   * leaves the credential's origins, whoever set them (fetch itself strips only `Authorization`).
   */
  readonly sensitiveHeaders: readonly string[];
  /** Names of query parameters this scheme writes; removed and redacted like headers. */
  readonly sensitiveQueryParams: readonly string[];
  /**
   * Returns `request` with this scheme's proof attached, through {@link withHeader},
   * {@link withHeaders} or {@link withQueryParam}. During a send, `request.headers` are
   * {@link SigningHeaders} the loop owns: writing into them is allowed (those helpers do), and the
   * next attempt starts from a copy without those writes. Nothing else of `request` may be changed.
   *
   * Return the request itself when nothing has to be waited for (a key, a cached token, a
   * synchronous signature): the send loop then sends it without waiting a turn of the event loop.
   * Return a promise when something must be awaited. Failures may be thrown or rejected; the loop
   * treats both alike. A caller of `authorize` should `await` what it returns.
   */
  authorize(request: SignableRequest, context: AuthContext): SignableRequest | Promise<SignableRequest>;
  /** Looks at the response to a request this credential authorized, and may ask for one re-send. */
  onResponse?(response: AuthResponse, request: SignableRequest, context: AuthContext): Promise<ResponseVerdict> | ResponseVerdict;
}
