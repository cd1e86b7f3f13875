import { base64url, type SignetCrypto } from '@signet/core';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';

/** Signs access tokens with one ES256 key, made on first use, and publishes its public half. */
export interface AccessTokenSigner {
  /** Signs an RFC 9068 access token: `typ: at+jwt`, `kid`, ES256; adds `jti`. */
  sign(claims: JWTPayload): Promise<string>;
  /** The JWK Set with the public key (RFC 7517 §5), as served at `jwks_uri`. */
  jwks(): Promise<JSONWebKeySet>;
}

/** Creates the signer. The key pair is generated with Web Crypto, once, on first use. */
export function createAccessTokenSigner(crypto: SignetCrypto): AccessTokenSigner {
  let key: Promise<{ privateKey: CryptoKey; jwks: JSONWebKeySet; kid: string }> | undefined;
  const load = () =>
    (key ??= (async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      const publicJwk = await exportJWK(pair.publicKey);
      const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
      return { privateKey: pair.privateKey, kid, jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] } };
    })());
  return {
    async sign(claims) {
      const { privateKey, kid } = await load();
      return new SignJWT({ ...claims, jti: base64url(crypto.randomBytes(16)) }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid }).sign(privateKey);
    },
    async jwks() {
      return (await load()).jwks;
    },
  };
}
