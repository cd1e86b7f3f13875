import type { AuthContext } from '../../credential/auth-context.js';
import type { AuthResponse, Credential, ResponseVerdict } from '../../credential/credential.js';
import { type SignableRequest, withHeader, withHeaders } from '../../credential/signable-request.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { createTokenRefresher, type TokenRefresher, type TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
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

  return {
    scheme,
    requiresBody: false,
    sensitiveHeaders: ['authorization', ...(proof?.sensitiveHeaders ?? [])],
    sensitiveQueryParams: [],
    tokens,
    async authorize(request, context) {
      const { accessToken } = (await tokens.token(context)).tokens;
      const authorization = prefix + accessToken.reveal();
      if (proof !== undefined) return withHeaders(request, { ...(await proof.prove(request, accessToken, context)), authorization });
      return withHeader(request, 'authorization', authorization);
    },
    async onResponse(response: AuthResponse, request: SignableRequest, context: AuthContext): Promise<ResponseVerdict> {
      // A server nonce the proof lacked (RFC 9449 §9), or a proof time the corrected clock now
      // disagrees with, is a reason to prove again, not to refresh.
      const proofVerdict = proof?.onResponse(response, request, context);
      if (response.status !== 401) return undefined;
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
      const carriedCurrent = request.headers.get('authorization') === prefix + current.tokens.accessToken.reveal();
      await tokens.replace(carriedCurrent ? current.generation : STALE, context);
      return 'retry';
    },
  };
}
