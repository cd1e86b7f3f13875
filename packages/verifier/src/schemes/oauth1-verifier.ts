import { timingSafeEqual, utf8 } from '@signet/core';
import {
  buildBaseString,
  collectParameters,
  isFormContentType,
  isRsaMethod,
  OAUTH1_SCHEME,
  type OAuth1SignatureMethod,
  parseOAuth1Authorization,
  signBaseString,
  signingKey,
} from '@signet/core/oauth1';
import type { SchemeOutcome, SchemeVerifier } from '../scheme-verifier.js';
import { compileOAuth1Policy, type CompiledOAuth1Policy, type OAuth1Policy } from './oauth1-policy.js';
import { parseAuthorization } from './parse-authorization.js';
import { claimNonce } from '../claim-nonce.js';

const MALFORMED: SchemeOutcome = { ok: false, reason: 'malformed_credentials' };
const EMPTY = new Uint8Array();

/**
 * The OAuth 1.0a side of the verifier (RFC 5849 §3.2), for credentials in the Authorization
 * header (§3.5.1). In order: parse; method allowed; consumer (and token) known; timestamp within
 * the tolerance; body hash rules; the signature over the base string rebuilt from the request as
 * received, compared in constant time with every secret of the consumer; the body hash; and only
 * then the nonce claimed as `consumerKey:token:timestamp:nonce` (§3.3), so forged requests cannot
 * use up the nonces of real ones.
 */
export function oauth1Verifier(policy: OAuth1Policy, realm: string, now: () => number): SchemeVerifier {
  const compiled = compileOAuth1Policy(policy, now);
  return {
    scheme: 'oauth1',
    challenge: `${OAUTH1_SCHEME} realm="${realm}"`,
    async verify(request, context) {
      const authorization = parseAuthorization(request.headers.get('authorization'));
      if (authorization?.scheme !== OAUTH1_SCHEME.toLowerCase()) return undefined;
      const auth = parseOAuth1Authorization(authorization.value);
      if (auth === undefined) return MALFORMED;
      const p = new Map(auth.parameters);
      const consumerKey = p.get('oauth_consumer_key');
      const method = p.get('oauth_signature_method');
      const signature = p.get('oauth_signature');
      const timestamp = p.get('oauth_timestamp');
      const nonce = p.get('oauth_nonce');
      const token = p.get('oauth_token');
      const bodyHash = p.get('oauth_body_hash');
      // §3.1: timestamp and nonce are required here for every method (PLAINTEXT included), or
      // there would be no replay protection at all; oauth_version, if sent, must be "1.0".
      if (!consumerKey || !method || !signature || !nonce || token === '' || !/^\d{1,12}$/.test(timestamp ?? '')) return MALFORMED;
      if (p.has('oauth_version') && p.get('oauth_version') !== '1.0') return MALFORMED;
      if (!compiled.signatureMethods.has(method as OAuth1SignatureMethod)) return { ok: false, reason: 'unsupported_algorithm' };
      const check = signatureCheck(compiled, method as OAuth1SignatureMethod, consumerKey, token);
      if (check === undefined) return { ok: false, reason: 'unknown_key' };

      const nowSeconds = Math.floor(context.now() / 1000);
      if (Math.abs(nowSeconds - Number(timestamp)) > compiled.toleranceSeconds) {
        // Tell the client our time, so it can correct its clock and re-sign once (docs/schemes/oauth1.md).
        return { ok: false, reason: 'timestamp_skew', challengeParams: `error="timestamp_skew", server_time="${nowSeconds}"` };
      }
      const contentType = request.headers.get('content-type');
      const form = isFormContentType(contentType);
      // The Request Body Hash extension: never on a form body (its parameters are signed already).
      if (form && bodyHash !== undefined) return MALFORMED;
      if (!form && bodyHash === undefined && compiled.requireBodyHash) return { ok: false, reason: 'missing_component' };
      const body = form || bodyHash !== undefined ? await context.body() : EMPTY;

      const url = new URL(request.url);
      const parameters = collectParameters({ url, contentType, body: form ? body : undefined, protocolParameters: auth.parameters });
      if (!(await check(buildBaseString({ method: request.method, url, parameters }), signature, context.crypto))) return { ok: false, reason: 'signature_mismatch' };
      if (bodyHash !== undefined && !timingSafeEqual(utf8(await context.crypto.sha1(body, 'base64')), utf8(bodyHash))) return { ok: false, reason: 'digest_mismatch' };

      const claim = await claimNonce(compiled.nonceStore, `${consumerKey}:${token ?? ''}:${timestamp}:${nonce}`, (Number(timestamp) + compiled.toleranceSeconds + 1) * 1000);
      if (claim === 'replayed') return { ok: false, reason: 'nonce_replay' };
      if (claim === 'full') return { ok: false, reason: 'nonce_store_full' };
      return { ok: true, identity: consumerKey };
    },
  };
}

type SignatureCheck = (baseString: string, presented: string, crypto: Parameters<typeof signBaseString>[2]) => Promise<boolean>;

/** How to check a signature of `method` by this consumer (and token), or undefined when either is unknown. */
function signatureCheck(policy: CompiledOAuth1Policy, method: OAuth1SignatureMethod, consumerKey: string, token: string | undefined): SignatureCheck | undefined {
  // A token must be one the verifier issued, whatever the method: RSA signs without the token
  // secret, but an unknown token still grants nothing.
  const tokenSecret = token === undefined ? '' : policy.tokens.get(token);
  if (tokenSecret === undefined) return undefined;
  // A token bound to a consumer is nobody else's.
  const owner = token === undefined ? undefined : policy.tokenConsumers.get(token);
  if (owner !== undefined && owner !== consumerKey) return undefined;
  if (isRsaMethod(method)) {
    const publicKey = policy.rsaPublicKeys.get(consumerKey);
    if (publicKey === undefined) return undefined;
    return async (baseString, presented) => {
      const key = await publicKey(method === 'RSA-SHA1' ? 'SHA-1' : 'SHA-256');
      const bytes = decodeBase64(presented);
      if (key === undefined || bytes === undefined) return false;
      return globalThis.crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, bytes as Uint8Array<ArrayBuffer>, utf8(baseString) as Uint8Array<ArrayBuffer>);
    };
  }
  const secrets = policy.consumers.get(consumerKey);
  if (secrets === undefined) return undefined;
  return async (baseString, presented, crypto) => {
    // Compared as SHA-256 digests: PLAINTEXT's signature is the secrets themselves, whose length must not leak either.
    const presentedDigest = await crypto.sha256(presented);
    let matched = false;
    // Every active secret is tried, with no early exit, each compared in constant time.
    for (const secret of secrets) {
      const key = signingKey(secret, tokenSecret);
      const expected = await signBaseString(baseString, method === 'PLAINTEXT' ? { method, key } : { method, key: utf8(key) }, crypto);
      matched = timingSafeEqual(await crypto.sha256(expected), presentedDigest) || matched;
    }
    return matched;
  };
}

// Standard base64 (RFC 4648 §4), padding optional; anything else is no signature.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
