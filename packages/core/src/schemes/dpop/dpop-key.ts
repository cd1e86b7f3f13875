import { exportJWK } from 'jose';
import { SignetConfigError } from '../../errors/config-error.js';

/** The algorithms a DPoP key may use (RFC 9449 §4.2 requires an asymmetric JWS algorithm). */
export type DpopAlgorithm = 'ES256' | 'EdDSA' | 'RS256' | 'PS256';

/** A DPoP key pair, ready to sign proofs: the private key and the public JWK for the proof header. */
export interface DpopKey {
  readonly algorithm: DpopAlgorithm;
  readonly privateKey: CryptoKey;
  /** The public key as a JWK with only its public members (RFC 9449 §4.2: `jwk` header). */
  readonly publicJwk: JsonWebKey;
}

const GENERATE: Record<DpopAlgorithm, EcKeyGenParams | RsaHashedKeyGenParams | Algorithm> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  EdDSA: { name: 'Ed25519' },
  RS256: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  PS256: { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
};
const PUBLIC_MEMBERS: Record<string, readonly string[]> = { EC: ['kty', 'crv', 'x', 'y'], OKP: ['kty', 'crv', 'x'], RSA: ['kty', 'n', 'e'] };

/**
 * Loads the DPoP key: the pair you pass (keep it in IndexedDB in a browser, so a reload keeps
 * the binding), or a new non-extractable pair, generated once, on first use. The private key
 * never leaves Web Crypto.
 */
export function dpopKeyLoader(pair: CryptoKeyPair | undefined, algorithm: DpopAlgorithm): () => Promise<DpopKey> {
  if (!(algorithm in GENERATE)) throw new SignetConfigError('algorithm', 'must be ES256, EdDSA, RS256 or PS256');
  if (pair !== undefined && (typeof pair !== 'object' || pair === null || pair.privateKey?.type !== 'private' || pair.publicKey?.type !== 'public')) {
    throw new SignetConfigError('key', 'must be a CryptoKeyPair (privateKey and publicKey)');
  }
  let loading: Promise<DpopKey> | undefined;
  return () => {
    loading ??= load(pair, algorithm).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

async function load(given: CryptoKeyPair | undefined, algorithm: DpopAlgorithm): Promise<DpopKey> {
  const pair = given ?? ((await crypto.subtle.generateKey(GENERATE[algorithm], false, ['sign', 'verify'])) as CryptoKeyPair);
  const jwk = await exportJWK(pair.publicKey);
  const members = PUBLIC_MEMBERS[jwk.kty ?? ''] ?? [];
  const publicJwk = Object.fromEntries(members.map((name) => [name, (jwk as Record<string, unknown>)[name]])) as JsonWebKey;
  return { algorithm, privateKey: pair.privateKey, publicJwk };
}
