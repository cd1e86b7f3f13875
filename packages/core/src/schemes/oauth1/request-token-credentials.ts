import type { AuthContext } from '../../credential/auth-context.js';
import type { Credential } from '../../credential/credential.js';
import { Secret } from '../../secret/secret.js';
import { OAuth1TokenError, type OAuth1TokenStep } from './oauth1-token-error.js';
import { parseFormEncoded } from './parse-form-encoded.js';

/** The fetch function the three-legged steps send with: the global `fetch` fits, or any wrapper of it. */
export type OAuth1Fetch = (url: string, init: { method: string; headers: Headers }) => Promise<Response>;

/** Token credentials as an endpoint returned them (RFC 5849 §2.1, §2.3). */
export interface OAuth1TokenCredentials {
  /** `oauth_token`. */
  readonly token: string;
  /** `oauth_token_secret`, held as a {@link Secret}. */
  readonly tokenSecret: Secret;
  /** Every other parameter of the response (e.g. `oauth_callback_confirmed`, a provider's `user_id`). */
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * Signs a bodiless POST to a credentials endpoint with `credential`, sends it and parses the
 * `application/x-www-form-urlencoded` answer (RFC 5849 §2.1, §2.3). Shared by the two steps.
 */
export async function requestTokenCredentials(step: OAuth1TokenStep, fetch: OAuth1Fetch, url: URL, credential: Credential, context: AuthContext): Promise<OAuth1TokenCredentials> {
  // Name the endpoint without its query: a provider's query could carry something private.
  const endpoint = `${url.origin}${url.pathname}`;
  const signed = await credential.authorize({ method: 'POST', url, headers: new Headers(), body: undefined }, context);
  let response: Response;
  let text: string;
  try {
    response = await fetch(signed.url.href, { method: signed.method, headers: signed.headers });
    text = await response.text();
  } catch (cause) {
    throw new OAuth1TokenError(step, `POST ${endpoint} failed`, { cause });
  }
  const fields = new Map<string, string>();
  for (const [name, value] of parseFormEncoded(text)) if (!fields.has(name)) fields.set(name, value);
  if (!response.ok) {
    // Only a token-shaped oauth_problem is repeated: the body is the server's, and could say anything.
    const problem = /^[A-Za-z0-9_.-]{1,64}$/.test(fields.get('oauth_problem') ?? '') ? fields.get('oauth_problem') : undefined;
    throw new OAuth1TokenError(step, `POST ${endpoint} answered ${response.status}${problem === undefined ? '' : ` (oauth_problem=${problem})`}`, { status: response.status, problem });
  }
  const token = fields.get('oauth_token');
  const tokenSecret = fields.get('oauth_token_secret');
  if (!token || tokenSecret === undefined) {
    throw new OAuth1TokenError(step, `POST ${endpoint} answered ${response.status} without oauth_token and oauth_token_secret (RFC 5849 §2)`, { status: response.status });
  }
  fields.delete('oauth_token');
  fields.delete('oauth_token_secret');
  return { token, tokenSecret: new Secret(tokenSecret), parameters: Object.fromEntries(fields) };
}
