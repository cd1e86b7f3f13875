import { decodeJwt } from 'jose';
import { readSkewChallenge, resignAfterSkew } from '../../clock/skew-challenge.js';
import type { AuthContext } from '../../credential/auth-context.js';
import type { Credential } from '../../credential/credential.js';
import { type SignableRequest, withHeader } from '../../credential/signable-request.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { checkOptionsObject, checkPositiveInteger, checkText } from '../../options/check.js';
import { checkJwtClaims } from './check-jwt-claims.js';
import { createJwtSigner } from './create-jwt-signer.js';
import type { JwtAlgorithm } from './jwt-algorithm.js';
import { type CachedJwt, createJwtCache } from './jwt-cache.js';
import type { JwtKey } from './jwt-signing-key.js';

/** Options for {@link jwt}. */
export interface JwtOptions {
  /** The JWS algorithm: `RS256`, `PS256`, `ES256`, `EdDSA`, or `HS256` (with a shared secret). */
  algorithm: JwtAlgorithm;
  /** The private key (a `CryptoKey`, a private JWK, or a PKCS#8 PEM), or for `HS256` the secret (at least 32 bytes). */
  key: JwtKey;
  /** The `kid` header: which of your keys the server should verify with. */
  keyId?: string;
  /** The `iss` claim: who you are to the server (a client id, a service account). */
  issuer: string;
  /** The `sub` claim. Default: the issuer (a client acting for itself, as in RFC 7523 §2.2). */
  subject?: string;
  /**
   * The `aud` claim. Default: the request's origin (`https://api.example.com`), so a JWT minted
   * for one API is never accepted by another. A string fixes it; a function computes it per request.
   */
  audience?: string | ((input: { readonly request: SignableRequest }) => string);
  /** `exp - iat` in seconds. Default 300; at most 86400. */
  lifetimeSeconds?: number;
  /** Mint a new JWT once the cached one has fewer seconds than this left. Default 60; less than the lifetime. */
  refreshMarginSeconds?: number;
  /** More claims (JSON values), signed into every JWT. The registered claims Signet computes cannot be set here. */
  claims?: Record<string, unknown>;
}

const SCHEME = 'jwt';
const BEARER = 'Bearer';
const MAX_LIFETIME_SECONDS = 86_400;
// Audiences kept at once; a computed audience could otherwise grow the cache without bound.
const MAX_AUDIENCES = 64;
// A cached JWT whose iat came from a clock more than this far from today's learned offset is minted again.
const MAX_OFFSET_DRIFT_MS = 2_000;

/**
 * A self-signed JWT sent as `Authorization: Bearer <jwt>` (RFC 6750 §2.1): claims `iss`, `sub`,
 * `aud`, `iat`, `exp`, `jti` (RFC 7519 §4.1) plus yours, signed with your private key. One JWT per
 * audience, minted with the server-corrected clock and reused until `refreshMarginSeconds`
 * before it expires, so most requests cost a map lookup and a header. A 401 to a request that
 * carried the cached JWT drops it and asks for one re-send with a new one (docs/schemes/jwt.md).
 *
 * @example
 * ```ts
 * const api = withAuth(fetch, jwt({ algorithm: 'ES256', key: privateJwk, keyId: 'key-2026-11', issuer: 'billing-service' }), {
 *   origins: 'https://api.example.com',
 * });
 * ```
 */
export function jwt(options: JwtOptions): Credential {
  checkOptionsObject(options, 'jwt(options)');
  const signer = createJwtSigner(options, SCHEME);
  const issuer = checkText(options.issuer, 'issuer');
  const subject = options.subject === undefined ? issuer : checkText(options.subject, 'subject');
  const audienceOf = checkAudience(options.audience);
  const lifetime = options.lifetimeSeconds === undefined ? 300 : checkPositiveInteger(options.lifetimeSeconds, 'lifetimeSeconds');
  if (lifetime > MAX_LIFETIME_SECONDS) throw new SignetConfigError('lifetimeSeconds', `must be at most ${MAX_LIFETIME_SECONDS} (a day): a leaked JWT is good until it expires`);
  const margin = options.refreshMarginSeconds === undefined ? Math.min(60, Math.floor(lifetime / 2)) : checkPositiveInteger(options.refreshMarginSeconds, 'refreshMarginSeconds', { allowZero: true });
  if (margin >= lifetime) throw new SignetConfigError('refreshMarginSeconds', `must be less than lifetimeSeconds (${lifetime}), or every JWT would be minted already due`);
  const claims = checkJwtClaims(options.claims, 'claims');
  const cache = createJwtCache(MAX_AUDIENCES);

  async function mint(audience: string, context: AuthContext): Promise<CachedJwt> {
    const offsetMs = context.clock.offsetMs;
    // RFC 7519 §4.1.4, §4.1.6: NumericDate, whole seconds, from the server-corrected clock.
    const issuedAt = Math.floor(context.clock.now() / 1000);
    const expiresAt = issuedAt + lifetime;
    const token = await signer.sign({ iss: issuer, sub: subject, aud: audience, iat: issuedAt, exp: expiresAt, jti: context.nonce(), ...claims });
    return { header: `${BEARER} ${token}`, issuedAt, refreshAtMs: (expiresAt - margin) * 1000, offsetMs };
  }

  return {
    scheme: SCHEME,
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    authorize(request, context) {
      let audience: string;
      try {
        audience = audienceOf(request);
      } catch (error) {
        return Promise.reject(error);
      }
      const cached = cache.get(audience);
      const { clock } = context;
      const fresh = cached !== undefined && clock.now() < cached.refreshAtMs && Math.abs(clock.offsetMs - cached.offsetMs) <= MAX_OFFSET_DRIFT_MS;
      // A JWT at hand: the request goes out at once. Minting waits for the signature.
      if (fresh) return withHeader(request, 'authorization', cached.header);
      return cache.mint(audience, () => mint(audience, context)).then((minted) => withHeader(request, 'authorization', minted.header));
    },
    onResponse(response, request, context) {
      if (response.status !== 401) return undefined;
      const sent = request.headers.get('authorization');
      if (sent === null || !sent.startsWith(`${BEARER} `)) return undefined;
      const audience = audienceOf(request);
      // Signet's verifier says when the time was the problem, and what time it is: re-send only
      // if a JWT minted on the corrected clock would differ (the logic hmac() uses).
      if (readSkewChallenge(response, BEARER) !== undefined) {
        const verdict = resignAfterSkew(response, BEARER, issuedAtOf(sent, cache.get(audience)), context);
        if (verdict === 'retry') cache.drop(audience, sent);
        return context.attempt === 1 ? verdict : undefined;
      }
      // Any other 401 to the first send: the JWT may have expired on the server's clock (learned
      // from this response's Date header), or the server may refuse a reused jti. A new JWT gets
      // one re-send; the send loop never honours a second, and the re-send's 401 is yours.
      if (context.attempt !== 1) return undefined;
      cache.drop(audience, sent);
      return 'retry';
    },
  };
}

function checkAudience(value: unknown): (request: SignableRequest) => string {
  if (value === undefined) return (request) => request.url.origin;
  if (typeof value === 'string') {
    const audience = checkText(value, 'audience');
    return () => audience;
  }
  if (typeof value !== 'function') throw new SignetConfigError('audience', 'must be a string or a function of the request');
  const compute = value as (input: { readonly request: SignableRequest }) => unknown;
  return (request) => {
    let audience: unknown;
    try {
      audience = compute({ request });
    } catch (error) {
      throw new SignetCredentialError(SCHEME, 'audience() threw', error);
    }
    if (typeof audience !== 'string' || audience === '') throw new SignetCredentialError(SCHEME, 'audience() must return a non-empty string');
    return audience;
  };
}

/** The `iat` of the JWT in `header`: from the cache when it is the cached one, else decoded (not verified: it is ours). */
function issuedAtOf(header: string, cached: CachedJwt | undefined): number | undefined {
  if (cached?.header === header) return cached.issuedAt;
  try {
    const { iat } = decodeJwt(header.slice(BEARER.length + 1));
    return typeof iat === 'number' ? iat : undefined;
  } catch {
    return undefined;
  }
}
