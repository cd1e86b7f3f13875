import type { AuthContext } from '../../credential/auth-context.js';
import type { AuthResponse, Credential, ResponseVerdict } from '../../credential/credential.js';
import { type SignableRequest, withHeader, withHeaders } from '../../credential/signable-request.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { createTokenRefresher, type TokenRefresher, type TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
import type { StoredTokens } from '../../tokens/token-set.js';
import type { TokenSource } from '../../tokens/token-source.js';
import type { ProofOfPossession } from './proof-of-possession.js';
import { readBearerChallenge } from './read-bearer-challenge.js';

/** A credential that sends tokens from a refresher. `tokens` is that refresher (absent for a static token). */
export interface TokenCredential extends Credential {
  /** Set tokens after a sign-in, or clear them at sign-out. Undefined for a static token. */
  readonly tokens: TokenRefresher | undefined;
}

// A generation no token has: replace() then hands back the current token without refreshing.
const STALE = -1;

/**
 * The credential behind `bearer()` and `dpop()`: authorize with the refresher's current token
 * (plus a proof, for DPoP); on a 401 that blames the token, refresh only if it is still the
 * current one, and re-send once; a second refusal is `auth_rejected`, never a loop.
 */
export function createTokenCredential(source: TokenSource, options: TokenRefresherOptions, proof?: ProofOfPossession): TokenCredential {
  const tokens = createTokenRefresher(proof === undefined ? source : proof.bind(source), options);
  const scheme = proof?.name ?? 'bearer';
  const prefix = `${proof?.authScheme ?? 'Bearer'} `;
  const challengeScheme = proof?.challengeScheme ?? 'bearer';

  // The header value of the token at hand, built once per token rather than once per request:
  // a JWT is a few hundred characters, which Headers would otherwise flatten from a new rope each time.
  let headerFor: StoredTokens | undefined;
  let header = '';
  const authorizationOf = (record: StoredTokens): string => {
    if (record !== headerFor) {
      headerFor = record;
      header = prefix + record.tokens.accessToken.reveal();
    }
    return header;
  };

  // Waits for a token (the first, or a refresh past the must-refresh margin) and, for DPoP, a proof.
  async function authorizeWhenReady(request: SignableRequest, context: AuthContext): Promise<SignableRequest> {
    const record = await tokens.token(context);
    const authorization = authorizationOf(record);
    if (proof !== undefined) return withHeaders(request, { ...(await proof.prove(request, record.tokens.accessToken, context)), authorization });
    return withHeader(request, 'authorization', authorization);
  }

  // After a 401 (RFC 6750 §3.1): refresh if the refused token is the current one, then re-send once.
  async function afterUnauthorized(response: AuthResponse, request: SignableRequest, context: AuthContext, proofVerdict: ResponseVerdict): Promise<ResponseVerdict> {
    if (proofVerdict === 'retry' && context.attempt === 1) return 'retry';
    const error = readBearerChallenge(response, challengeScheme);
    // RFC 6750 §3.1: `invalid_token`, or no error at all; no challenge at all is taken the same way.
    if (!(error === null || error === undefined || error === 'invalid_token')) return undefined;
    if (context.attempt > 1) {
      // Refused again after the request's one re-send (with a newer token, or a new DPoP proof):
      // re-sending again would be the 401 loop.
      throw new SignetCredentialError(scheme, `the resource refused the request again (HTTP ${response.status}) after its one re-send`, undefined, 'auth_rejected');
    }
    // Which token did the refused request carry? The current one, or an older one (a straggler
    // sent before a refresh): compared by value, since each refresh brings a new token.
    const current = await tokens.token(context);
    const carriedCurrent = request.headers.get('authorization') === authorizationOf(current);
    await tokens.replace(carriedCurrent ? current.generation : STALE, context);
    return 'retry';
  }

  return {
    scheme,
    requiresBody: false,
    sensitiveHeaders: ['authorization', ...(proof?.sensitiveHeaders ?? [])],
    sensitiveQueryParams: [],
    tokens,
    authorize(request, context) {
      // The token at hand, when nobody has to wait for it: the request goes out at once.
      const record = proof === undefined ? tokens.current(context) : undefined;
      if (record !== undefined) return withHeader(request, 'authorization', authorizationOf(record));
      return authorizeWhenReady(request, context);
    },
    onResponse(response, request, context) {
      // A server nonce the proof lacked (RFC 9449 §9), or a proof time the corrected clock now
      // disagrees with, is a reason to prove again, not to refresh.
      const proofVerdict = proof?.onResponse(response, request, context);
      // Anything but a 401 is answered at once, so the send loop has nothing to wait for.
      if (response.status !== 401) return undefined;
      return afterUnauthorized(response, request, context, proofVerdict);
    },
  };
}
