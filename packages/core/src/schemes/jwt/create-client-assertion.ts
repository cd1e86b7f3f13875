import type { AuthContext } from '../../credential/auth-context.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkPositiveInteger, checkText } from '../../options/check.js';
import { checkJwtClaims } from './check-jwt-claims.js';
import { createJwtSigner } from './create-jwt-signer.js';
import type { JwtAlgorithm } from './jwt-algorithm.js';
import type { JwtKey } from './jwt-signing-key.js';

/** RFC 7523 §2.2: the `client_assertion_type` for a JWT client assertion. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Options for {@link createClientAssertion}. */
export interface ClientAssertionOptions {
  /** The OAuth `client_id`: the assertion's `iss` and `sub` (RFC 7523 §3, OIDC Core §9). */
  clientId: string;
  /** The token endpoint the assertion is sent to: the `aud`, unless `audience` is given. */
  tokenEndpoint: string | URL;
  /**
   * The `aud` instead of the token endpoint: the authorization server's issuer identifier, which
   * RFC 7523bis and recent OpenID guidance recommend (one value, never a list).
   */
  audience?: string;
  algorithm: JwtAlgorithm;
  /** The client's private key (a `CryptoKey`, a private JWK or a PKCS#8 PEM); for `HS256` (`client_secret_jwt`), the client secret. */
  key: JwtKey;
  /** The `kid` header, so the server picks the right key of your JWKS. */
  keyId?: string;
  /** `exp - iat` in seconds. Default 60; at most 600: an assertion is used once, right away. */
  lifetimeSeconds?: number;
  /** More claims; the registered ones are computed and cannot be set here. */
  claims?: Record<string, unknown>;
}

/** The two form parameters to add to a token request (RFC 7523 §2.2). `client_assertion` is a bearer secret: do not log it. */
export interface ClientAssertionParams {
  readonly client_assertion_type: typeof CLIENT_ASSERTION_TYPE;
  readonly client_assertion: string;
}

const SCHEME = 'client-assertion';
const MAX_LIFETIME_SECONDS = 600;

/**
 * A JWT client assertion for `private_key_jwt` (OIDC Core §9; `client_secret_jwt` with `HS256`):
 * `iss` = `sub` = the client id, `aud` = the token endpoint (or `audience`), a unique `jti`, and
 * `iat`/`exp` from the server-corrected clock (RFC 7523 §3). Mint one per token request: servers
 * may refuse a `jti` they have seen. A JWK or `Secret` key is imported once and reused across calls.
 *
 * @example
 * ```ts
 * const params = await createClientAssertion({ clientId: 's6BhdRkqt3', tokenEndpoint: 'https://as.example.com/token', algorithm: 'ES256', key: privateJwk, keyId: 'k1' }, context);
 * const body = new URLSearchParams({ grant_type: 'client_credentials', ...params });
 * ```
 */
export async function createClientAssertion(options: ClientAssertionOptions, context: AuthContext): Promise<ClientAssertionParams> {
  checkOptionsObject(options, 'createClientAssertion(options)');
  const signer = createJwtSigner(options, SCHEME);
  const clientId = checkText(options.clientId, 'clientId');
  const tokenEndpoint = checkEndpoint(options.tokenEndpoint);
  const audience = options.audience === undefined ? tokenEndpoint : checkText(options.audience, 'audience');
  const lifetime = options.lifetimeSeconds === undefined ? 60 : checkPositiveInteger(options.lifetimeSeconds, 'lifetimeSeconds');
  if (lifetime > MAX_LIFETIME_SECONDS) throw new SignetConfigError('lifetimeSeconds', `must be at most ${MAX_LIFETIME_SECONDS}: an assertion is used once, right away`);
  const claims = checkJwtClaims(options.claims, 'claims');
  const issuedAt = Math.floor(context.clock.now() / 1000);
  const assertion = await signer.sign({ iss: clientId, sub: clientId, aud: audience, iat: issuedAt, exp: issuedAt + lifetime, jti: context.nonce(), ...claims });
  return { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion };
}

function checkEndpoint(value: unknown): string {
  const text = value instanceof URL ? value.href : checkText(value, 'tokenEndpoint');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SignetConfigError('tokenEndpoint', 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SignetConfigError('tokenEndpoint', 'must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw new SignetConfigError('tokenEndpoint', 'must not contain user info');
  // The string as given: servers compare aud with their endpoint as a string, and URL parsing could add a "/".
  return text;
}
