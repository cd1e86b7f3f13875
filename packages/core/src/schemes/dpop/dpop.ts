import type { AuthContext } from '../../credential/auth-context.js';
import type { Credential } from '../../credential/credential.js';
import { type SignableRequest, withHeader } from '../../credential/signable-request.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import type { TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
import type { TokenSource } from '../../tokens/token-source.js';
import { toTokenSource } from '../bearer/bearer.js';
import { createTokenCredential, type TokenCredential } from '../bearer/create-token-credential.js';
import type { ProofOfPossession } from '../bearer/proof-of-possession.js';
import { readBearerChallenge } from '../bearer/read-bearer-challenge.js';
import type { TokenFunction } from '../bearer/token-function-source.js';
import { createDpopProof } from './create-dpop-proof.js';
import { type DpopAlgorithm, dpopKeyLoader } from './dpop-key.js';
import { createDpopNonces } from './dpop-nonces.js';
import { readProofClaims } from './read-proof-claims.js';

/** Options for {@link dpop}: the key, and the token refresher's options. */
export interface DpopOptions extends TokenRefresherOptions {
  /**
   * The key pair tokens are bound to. Default: a new non-extractable pair, made on first use and
   * kept for this credential's life. In a browser, keep one in IndexedDB so a reload keeps it.
   * Tokens are bound to the key: refreshers that share a store must share the key too.
   */
  key?: CryptoKeyPair;
  /** The proof algorithm (default ES256). */
  algorithm?: DpopAlgorithm;
}

/**
 * DPoP (RFC 9449) over any token source: tokens bound to a key, so a stolen token is useless
 * without it. A proof per request (`htm`, `htu`, `iat`, `jti`, `ath`), `Authorization: DPoP
 * <token>`, proofs on the token requests too (the server binds the token to the key, §5), and the
 * servers' nonces kept per origin with one re-send on `use_dpop_nonce`, at the token endpoint
 * (§8) and at the resource (§9). Refresh, the stale 401 and the one re-send are bearer()'s.
 *
 * @example
 * ```ts
 * import { dpop } from '@signet/core/dpop';
 * import { clientCredentials } from '@signet/core/oauth2';
 * const credential = dpop(clientCredentials({ tokenEndpoint, clientId: 'svc', clientSecret }));
 * ```
 */
export function dpop(source: TokenFunction | TokenSource, options: DpopOptions = {}): TokenCredential {
  const { key, algorithm = 'ES256', ...refresherOptions } = options;
  const loadKey = dpopKeyLoader(key, algorithm);
  const nonces = createDpopNonces();

  // Applied by the grants to their token request: a proof, and one re-send with the server's nonce.
  const tokenRequestCredential: Credential = {
    scheme: 'dpop',
    requiresBody: false,
    sensitiveHeaders: ['dpop'],
    sensitiveQueryParams: [],
    async authorize(request, context) {
      const proof = await createDpopProof(await loadKey(), { method: request.method, url: request.url, nonce: nonces.get(request.url) }, context);
      return withHeader(request, 'dpop', proof);
    },
    // RFC 9449 §8: a 400 `use_dpop_nonce` carries the nonce to use, and a 400
    // `invalid_dpop_proof` may be a proof time out of the server's window (the token request has
    // just learned the server's Date). The body is the grant's to read: prove once more when the
    // proof lacked the nonce now known, or was dated by a clock since corrected.
    onResponse(response, request, context) {
      nonces.learn(response, request.url);
      return response.status === 400 && shouldProveAgain(request, nonces.get(request.url), context) ? 'retry' : undefined;
    },
  };

  const proof: ProofOfPossession = {
    name: 'dpop',
    authScheme: 'DPoP',
    challengeScheme: 'dpop',
    sensitiveHeaders: ['dpop'],
    bind(inner) {
      return {
        name: inner.name,
        key: `${inner.key} dpop`,
        async getToken(current, context) {
          const tokens = await inner.getToken(current, { ...context, tokenRequestCredential });
          // RFC 9449 §5: a bound token says so. A server that ignored the proof gave a bearer
          // token; using it as one would silently drop the protection asked for.
          if (tokens.tokenType.toLowerCase() !== 'dpop') {
            throw new SignetCredentialError('dpop', `the token endpoint issued a ${JSON.stringify(tokens.tokenType.slice(0, 20))} token, not a DPoP-bound one`, undefined, 'token_request_failed');
          }
          return tokens;
        },
      };
    },
    async prove(request, accessToken, context) {
      return { dpop: await createDpopProof(await loadKey(), { method: request.method, url: request.url, accessToken, nonce: nonces.get(request.url) }, context) };
    },
    onResponse(response, request, context) {
      nonces.learn(response, request.url);
      // Re-prove once when the proof lacked the nonce now known (whether this response taught it
      // or a concurrent one did), or was dated by a clock the send loop has since corrected.
      const error = response.status === 401 ? readBearerChallenge(response, 'dpop') : undefined;
      const provable = error === 'use_dpop_nonce' || error === 'invalid_dpop_proof';
      return provable && shouldProveAgain(request, nonces.get(request.url), context) ? 'retry' : undefined;
    },
  };
  return createTokenCredential(toTokenSource(source), refresherOptions, proof);
}

// How far a refused proof's iat may be from the corrected clock before proving again helps
// (RFC 9449 §11.1: servers accept a window of seconds to minutes around their time).
const PROOF_TIME_SLACK_SECONDS = 5;

/** True when proving again could succeed: a nonce is known that the proof lacked, or its iat is off the corrected clock. */
function shouldProveAgain(request: SignableRequest, known: string | undefined, context: AuthContext): boolean {
  const { nonce, iat } = readProofClaims(request.headers.get('dpop'));
  if (known !== undefined && known !== nonce) return true;
  return iat !== undefined && Math.abs(iat - context.clock.now() / 1000) > PROOF_TIME_SLACK_SECONDS;
}
