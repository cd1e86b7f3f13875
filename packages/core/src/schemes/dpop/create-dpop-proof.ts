import { SignJWT } from 'jose';
import type { AuthContext } from '../../credential/auth-context.js';
import { base64url, utf8 } from '../../encoding.js';
import type { Secret } from '../../secret/secret.js';
import type { DpopKey } from './dpop-key.js';

/** What a proof is for. */
export interface DpopProofInput {
  readonly method: string;
  readonly url: URL;
  /** The access token the proof accompanies (resource requests; RFC 9449 §4.2 `ath`). */
  readonly accessToken?: Secret | undefined;
  /** The server's latest nonce for this origin (RFC 9449 §8, §9). */
  readonly nonce?: string | undefined;
}

/**
 * A DPoP proof JWT (RFC 9449 §4.2): header `typ: dpop+jwt`, `alg`, the public `jwk`; claims `jti`
 * (unique), `htm`, `htu` (the target URI without query and fragment), `iat` (the learned server
 * clock), plus `ath` = base64url(SHA-256(access token)) with a token and `nonce` when the server
 * gave one.
 */
export async function createDpopProof(key: DpopKey, input: DpopProofInput, context: AuthContext): Promise<string> {
  const claims: Record<string, unknown> = {
    jti: context.nonce(),
    htm: input.method,
    htu: `${input.url.origin}${input.url.pathname}`,
    iat: Math.floor(context.clock.now() / 1000),
  };
  if (input.accessToken !== undefined) claims.ath = base64url(await context.crypto.sha256(utf8(input.accessToken.reveal())));
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return new SignJWT(claims).setProtectedHeader({ typ: 'dpop+jwt', alg: key.algorithm, jwk: key.publicJwk as never }).sign(key.privateKey);
}

