import { checkOptionsObject, checkPositiveInteger, checkSecretText, checkText, type NonceStore, type Secret, SignetConfigError, type SignetCrypto } from '@signet/core';
import type { JSONWebKeySet, JWK } from 'jose';

/** A client registered with the mock authorization server. */
export interface AuthorizationServerClient {
  /** Its secret, for `client_secret_basic` and `client_secret_post`. */
  secret?: string | Secret;
  /** Its public key(s), for `private_key_jwt` (RFC 7523 §2.2). A client with neither is public (`none`). */
  jwks?: JWK | readonly JWK[] | JSONWebKeySet;
  /** The scopes it may be granted, space-separated (default: any it asks for). */
  scope?: string;
  /** Refuse its token requests without a DPoP proof (RFC 9449 §5.2 `dpop_bound_access_tokens`). */
  requireDpop?: boolean;
}

/** Options for `createAuthorizationServer`. */
export interface AuthorizationServerOptions {
  /** The issuer identifier (RFC 8414 §2): an http(s) URL without query or fragment, such as the server's origin. */
  issuer: string;
  /** Client id → its registration. */
  clients: Readonly<Record<string, AuthorizationServerClient>>;
  /** The `aud` of access tokens (default: the issuer). */
  audience?: string | readonly string[];
  /** Access token lifetime in seconds (default 300). */
  accessTokenLifetimeSeconds?: number;
  /** Refresh token lifetime in seconds, counted from its issue (default 86 400). */
  refreshTokenLifetimeSeconds?: number;
  /** The server's clock in milliseconds (default `Date.now`). */
  now?: () => number;
  /** How the `delay` fault waits (default `setTimeout`); tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** How far client assertion `exp`/`iat` may be off, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** DPoP (RFC 9449) settings. DPoP proofs are always accepted; these make it stricter. */
  dpop?: {
    /** Require a server nonce in proofs (RFC 9449 §8). Default `false`. */
    nonce?: boolean;
    /** Rotate the nonce after this many seconds of `now` (default: only through `rotateDpopNonce()`). */
    rotateNonceAfterSeconds?: number;
    /** How far a proof's `iat` may be from now, in seconds (default 60). */
    iatWindowSeconds?: number;
  };
  /** Where client assertion and DPoP proof `jti`s are claimed (default: in memory, on `now`). */
  nonceStore?: NonceStore;
  /** Hashing and randomness (default: the platform's). */
  crypto?: SignetCrypto;
}

/** A client as the server uses it. */
export interface RegisteredClient {
  readonly id: string;
  readonly secret?: Secret;
  readonly jwks?: JSONWebKeySet;
  readonly scope?: ReadonlySet<string>;
  readonly requireDpop: boolean;
}

/** Checks the clients, naming the field at fault and never a secret. */
export function checkClients(value: unknown): Map<string, RegisteredClient> {
  const clients = checkOptionsObject(value, 'clients');
  const out = new Map<string, RegisteredClient>();
  for (const [id, raw] of Object.entries(clients)) {
    const field = `clients.${id}`;
    const client = checkOptionsObject(raw, field) as AuthorizationServerClient;
    if (id === '' || /[\u0000-\u001f\u007f]/.test(id)) throw new SignetConfigError(field, 'a client id must be non-empty with no control characters');
    const secret = client.secret === undefined ? undefined : checkSecretText(client.secret, `${field}.secret`);
    const jwks = client.jwks === undefined ? undefined : toJwks(client.jwks, `${field}.jwks`);
    const scope = client.scope === undefined ? undefined : new Set(checkText(client.scope, `${field}.scope`).split(' ').filter(Boolean));
    if (client.requireDpop !== undefined && typeof client.requireDpop !== 'boolean') throw new SignetConfigError(`${field}.requireDpop`, 'must be a boolean');
    out.set(id, { id, ...(secret && { secret }), ...(jwks && { jwks }), ...(scope && { scope }), requireDpop: client.requireDpop ?? false });
  }
  return out;
}

/** A JWK, an array of them or a JWK Set, as a JWK Set of public keys. */
export function toJwks(value: unknown, field: string): JSONWebKeySet {
  const keys: unknown[] = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as JSONWebKeySet).keys) ? (value as JSONWebKeySet).keys : [value];
  if (keys.length === 0) throw new SignetConfigError(field, 'must hold at least one key');
  keys.forEach((key, i) => {
    if (typeof key !== 'object' || key === null || typeof (key as JWK).kty !== 'string') throw new SignetConfigError(`${field}[${i}]`, 'must be a JWK');
    // A private key here is a configuration mistake that would hand the client's key to whoever reads the config.
    if ('d' in key || (key as JWK).kty === 'oct') throw new SignetConfigError(`${field}[${i}]`, 'must be a public key (no "d", no "oct")');
  });
  return { keys: keys as JWK[] };
}

/** The issuer: an absolute http(s) URL with no query or fragment (RFC 8414 §2), kept without a trailing slash. */
export function checkIssuer(value: unknown): string {
  const text = checkText(value, 'issuer');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SignetConfigError('issuer', 'must be an absolute URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || text.includes('#') || text.includes('?')) {
    throw new SignetConfigError('issuer', 'must be an http(s) URL without query or fragment (RFC 8414 §2)');
  }
  return url.href.replace(/\/$/, '');
}

/** An optional positive integer of seconds. */
export function checkSeconds(value: unknown, field: string, fallback: number): number {
  return value === undefined ? fallback : checkPositiveInteger(value, field);
}
