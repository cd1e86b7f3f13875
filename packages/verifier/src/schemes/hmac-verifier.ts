import { checkOptionsObject, checkPositiveInteger, checkToken, createMemoryNonceStore, type NonceStore, SignetConfigError, timingSafeEqual, utf8 } from '@signet/core';
import { buildStringToSign, HMAC_SCHEME, parseHmacAuthorization } from '@signet/core/hmac';
import type { SchemeVerifier } from '../scheme-verifier.js';
import { parseAuthorization } from './parse-authorization.js';
import { checkKeyMap, type SecretList } from './secret-list.js';
import { claimNonce } from '../claim-nonce.js';

/** How the verifier accepts Signet's HMAC-SHA256 signatures (docs/schemes/hmac.md). */
export interface HmacPolicy {
  /** Key id → its secret(s). Several at once while a secret rotates. Each at least 32 bytes. */
  keys: Readonly<Record<string, SecretList>>;
  /** How far a timestamp may be from the verifier's clock, either way (default 300 s). */
  toleranceSeconds?: number;
  /** Where seen nonces are kept (default: an in-memory store of 100 000). Share one across instances. */
  nonceStore?: NonceStore;
  /** Headers every request must have signed, beyond what is always covered. */
  requiredHeaders?: readonly string[];
}

/** The HMAC-SHA256 side of the verifier. */
export function hmacVerifier(policy: HmacPolicy, realm: string, now: () => number): SchemeVerifier {
  checkOptionsObject(policy, 'hmac');
  const keys = new Map<string, Uint8Array[]>();
  for (const [keyId, secret] of checkKeyMap(policy.keys, 'hmac.keys')) {
    const bytes = utf8(secret.reveal());
    if (bytes.length < 32) throw new SignetConfigError(`hmac.keys.${keyId}`, 'must be at least 32 bytes');
    keys.set(keyId, [...(keys.get(keyId) ?? []), bytes]);
  }
  const toleranceSeconds = policy.toleranceSeconds === undefined ? 300 : checkPositiveInteger(policy.toleranceSeconds, 'hmac.toleranceSeconds');
  if (policy.nonceStore !== undefined && typeof policy.nonceStore?.claim !== 'function') {
    throw new SignetConfigError('hmac.nonceStore', 'must be a NonceStore (an object with claim(key, expiresAtMs))');
  }
  // The default store expires entries on the verifier's own clock.
  const nonces = policy.nonceStore ?? createMemoryNonceStore({ now });
  if (policy.requiredHeaders !== undefined && !Array.isArray(policy.requiredHeaders)) throw new SignetConfigError('hmac.requiredHeaders', 'must be an array of header names');
  const required = (policy.requiredHeaders ?? []).map((name: unknown, i) => checkToken(name, `hmac.requiredHeaders[${i}]`).toLowerCase());

  return {
    scheme: 'hmac',
    challenge: `${HMAC_SCHEME} realm="${realm}"`,
    async verify(request, context) {
      const authorization = parseAuthorization(request.headers.get('authorization'));
      if (authorization?.scheme !== HMAC_SCHEME.toLowerCase()) return undefined;
      const auth = parseHmacAuthorization(authorization.value);
      if (auth === undefined) return { ok: false, reason: 'malformed_credentials' };
      const secrets = keys.get(auth.keyId);
      if (secrets === undefined) return { ok: false, reason: 'unknown_key' };
      const nowSeconds = Math.floor(context.now() / 1000);
      if (Math.abs(nowSeconds - auth.timestamp) > toleranceSeconds) {
        // Tell the client our time, so it can correct its clock and re-sign once (docs/schemes/hmac.md).
        return { ok: false, reason: 'timestamp_skew', challengeParams: `error="timestamp_skew", server_time="${nowSeconds}"` };
      }
      if (required.some((name) => !auth.signedHeaders.includes(name)) || auth.signedHeaders.some((name) => !request.headers.has(name))) {
        return { ok: false, reason: 'missing_component' };
      }
      if (request.headers.has('content-type') && !auth.signedHeaders.includes('content-type')) return { ok: false, reason: 'missing_component' };

      const bodySha256 = await context.crypto.sha256(await context.body(), 'hex');
      const url = new URL(request.url);
      const stringToSign = buildStringToSign({ ...auth, method: request.method, url, headers: request.headers, bodySha256 });
      const presented = utf8(auth.signature);
      let matched = false;
      // Every active secret is tried, with no early exit, each compared in constant time.
      for (const secret of secrets) {
        const expected = utf8(await context.crypto.hmacSha256(secret, stringToSign, 'hex'));
        matched = timingSafeEqual(expected, presented) || matched;
      }
      if (!matched) return { ok: false, reason: 'signature_mismatch' };

      // Only a valid signature may claim its nonce, so forged requests cannot burn real ones.
      const claim = await claimNonce(nonces, `${auth.keyId}:${auth.nonce}`, (auth.timestamp + toleranceSeconds + 1) * 1000);
      if (claim === 'replayed') return { ok: false, reason: 'nonce_replay' };
      if (claim === 'full') return { ok: false, reason: 'nonce_store_full' };
      return { ok: true, identity: auth.keyId };
    },
  };
}
