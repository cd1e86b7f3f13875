import { checkOptionsObject, checkPositiveInteger, createMemoryNonceStore, type NonceStore, type Secret, SignetConfigError } from '@signet/core';
import { checkSignatureMethod, isRsaMethod, type OAuth1SignatureMethod, type RsaHash, type RsaKey, rsaVerifyingKey } from '@signet/core/oauth1';
import { checkKeyMap, type SecretList } from './secret-list.js';

/** How the verifier accepts OAuth 1.0a (RFC 5849) requests; mirrors `oauth1()` on the client. */
export interface OAuth1Policy {
  /** Consumer key → its shared secret(s), several while a secret rotates. Needed for HMAC and PLAINTEXT. */
  consumers?: Readonly<Record<string, SecretList>>;
  /** Token → its shared secret, for requests made with a token (three-legged). Without it only two-legged requests pass. */
  tokens?: Readonly<Record<string, string | Secret>>;
  /**
   * Token → the consumer key it was issued to. A token listed here is accepted only from that
   * consumer. Recommended whenever several consumers share the verifier, and needed to stop an
   * RSA consumer presenting another consumer's token (RSA signs without the token secret).
   */
  tokenConsumers?: Readonly<Record<string, string>>;
  /** How far `oauth_timestamp` may be from the verifier's clock, either way (default 300 s). */
  toleranceSeconds?: number;
  /** Where seen nonces are kept (default: in memory, 100 000 entries). Share one across instances. */
  nonceStore?: NonceStore;
  /** The methods accepted (default `['HMAC-SHA1', 'HMAC-SHA256']`). PLAINTEXT only belongs on TLS. */
  signatureMethods?: readonly OAuth1SignatureMethod[];
  /** Consumer key → its RSA public key (a `CryptoKey` or a JWK without `d`), for RSA-SHA1 and RSA-SHA256. */
  rsaPublicKeys?: Readonly<Record<string, RsaKey>>;
  /** Refuse a request whose body is not a form and carries no `oauth_body_hash` (default false: such a body is then not signed). */
  requireBodyHash?: boolean;
}

/** An {@link OAuth1Policy}, checked once. */
export interface CompiledOAuth1Policy {
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  readonly tokens: ReadonlyMap<string, string>;
  readonly tokenConsumers: ReadonlyMap<string, string>;
  readonly toleranceSeconds: number;
  readonly nonceStore: NonceStore;
  readonly signatureMethods: ReadonlySet<OAuth1SignatureMethod>;
  readonly rsaPublicKeys: ReadonlyMap<string, (hash: RsaHash) => Promise<CryptoKey | undefined>>;
  readonly requireBodyHash: boolean;
}

const FIELD = 'oauth1';

/** Checks an {@link OAuth1Policy}; errors name the field (`oauth1.tokens.t1`), never a secret. */
export function compileOAuth1Policy(policy: OAuth1Policy, now: () => number): CompiledOAuth1Policy {
  checkOptionsObject(policy, FIELD);
  const consumers = new Map<string, string[]>();
  if (policy.consumers !== undefined) {
    for (const [key, secret] of checkKeyMap(policy.consumers, `${FIELD}.consumers`)) consumers.set(key, [...(consumers.get(key) ?? []), secret.reveal()]);
  }
  const tokens = new Map<string, string>();
  if (policy.tokens !== undefined) {
    for (const [token, secret] of checkKeyMap(policy.tokens, `${FIELD}.tokens`)) {
      if (tokens.has(token)) throw new SignetConfigError(`${FIELD}.tokens.${token}`, 'must be one secret: a token has exactly one');
      tokens.set(token, secret.reveal());
    }
  }
  const tokenConsumers = new Map<string, string>();
  if (policy.tokenConsumers !== undefined) {
    if (typeof policy.tokenConsumers !== 'object' || policy.tokenConsumers === null) throw new SignetConfigError(`${FIELD}.tokenConsumers`, 'must map each token to its consumer key');
    for (const [token, consumer] of Object.entries(policy.tokenConsumers)) {
      if (typeof consumer !== 'string' || consumer === '') throw new SignetConfigError(`${FIELD}.tokenConsumers.${token}`, 'must be a consumer key');
      if (!tokens.has(token)) throw new SignetConfigError(`${FIELD}.tokenConsumers.${token}`, 'names a token that is not in oauth1.tokens');
      tokenConsumers.set(token, consumer);
    }
  }
  const rsaPublicKeys = new Map<string, (hash: RsaHash) => Promise<CryptoKey | undefined>>();
  if (policy.rsaPublicKeys !== undefined) {
    checkOptionsObject(policy.rsaPublicKeys, `${FIELD}.rsaPublicKeys`);
    for (const [key, value] of Object.entries(policy.rsaPublicKeys)) rsaPublicKeys.set(key, rsaVerifyingKey(value, `${FIELD}.rsaPublicKeys.${key}`));
  }
  if (consumers.size === 0 && rsaPublicKeys.size === 0) throw new SignetConfigError(`${FIELD}.consumers`, 'must configure at least one consumer (or oauth1.rsaPublicKeys)');

  if (policy.signatureMethods !== undefined && (!Array.isArray(policy.signatureMethods) || policy.signatureMethods.length === 0)) {
    throw new SignetConfigError(`${FIELD}.signatureMethods`, 'must be a non-empty array of signature methods');
  }
  const methods = (policy.signatureMethods ?? ['HMAC-SHA1', 'HMAC-SHA256']).map((method: unknown, i) => {
    const checked = checkSignatureMethod(method, `${FIELD}.signatureMethods[${i}]`);
    if (isRsaMethod(checked) && rsaPublicKeys.size === 0) throw new SignetConfigError(`${FIELD}.signatureMethods[${i}]`, `${checked} needs oauth1.rsaPublicKeys`);
    if (!isRsaMethod(checked) && consumers.size === 0) throw new SignetConfigError(`${FIELD}.signatureMethods[${i}]`, `${checked} needs oauth1.consumers`);
    return checked;
  });

  const toleranceSeconds = policy.toleranceSeconds === undefined ? 300 : checkPositiveInteger(policy.toleranceSeconds, `${FIELD}.toleranceSeconds`);
  const given = policy.nonceStore;
  if (given !== undefined && (typeof given !== 'object' || given === null || typeof given.claim !== 'function')) {
    throw new SignetConfigError(`${FIELD}.nonceStore`, 'must be a NonceStore (an object with claim(key, expiresAtMs))');
  }
  if (policy.requireBodyHash !== undefined && typeof policy.requireBodyHash !== 'boolean') throw new SignetConfigError(`${FIELD}.requireBodyHash`, 'must be true or false');
  return {
    consumers,
    tokens,
    tokenConsumers,
    toleranceSeconds,
    // The default store expires entries on the verifier's own clock.
    nonceStore: given ?? createMemoryNonceStore({ now }),
    signatureMethods: new Set(methods),
    rsaPublicKeys,
    requireBodyHash: policy.requireBodyHash === true,
  };
}
