// Why this scheme does not wrap the `oauth-1.0a` npm package (issue 4 asked us to use it where it
// is right and replace what wrapping would make uglier; docs/schemes/oauth1.md, "Why not oauth-1.0a"):
//
// - Hashing: its `hash_function(base_string, key)` must return the signature synchronously, so it
//   cannot call Web Crypto (async everywhere) or SignetCrypto. Wrapping it would mean running it
//   once to capture the base string and signing that ourselves: two passes, for its base string.
// - Its base string is what RFC 5849 §3.4.1 forbids: the base URI is the text before `?` (scheme
//   and host not lower-cased, default port kept); parameters live in an object, so a repeated key
//   keeps its last value and the sort is by name only; query names are not decoded and `+` is not
//   a space; `oauth_body_hash` is an HMAC under the signing key, not the SHA-1 of the body. That
//   is every step of §3.4.1: replacing them leaves nothing of it but `percentEncode` (ours is
//   equivalent, and faster) and `toHeader` (which cannot place `realm` the RFC's way).
// - It mutates the request object it is given (`request.data` gains the query and oauth fields);
//   Signet's contract is that signing never mutates its input.
// - Cost: the bench (issue 4) requires at most 0.4x the bytes `oauth-1.0a` allocates per signed
//   request. A wrapper allocates at least everything the wrapped package does, so no wrapper can
//   meet that bar; only our own base string can.
// So the scheme is written from RFC 5849 directly, as small pure functions, and the package is
// only a comparison point in the bench. Nothing of it is a dependency of @signet/core.
import { resignAfterSkew } from '../../clock/skew-challenge.js';
import type { AuthContext } from '../../credential/auth-context.js';
import type { Credential } from '../../credential/credential.js';
import { type SignableRequest, withHeader } from '../../credential/signable-request.js';
import type { SignetCrypto } from '../../crypto/signet-crypto.js';
import { type SyncDigests, syncDigestsOf } from '../../crypto/sync-digests.js';
import { utf8 } from '../../encoding.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkSecretText, checkText } from '../../options/check.js';
import type { Secret } from '../../secret/secret.js';
import { baseStringOf } from './build-base-string.js';
import { isFormContentType } from './collect-parameters.js';
import { oauthPercentEncode } from './oauth-percent-encode.js';
import { formatEncodedOAuth1Authorization, OAUTH1_SCHEME, parseOAuth1Authorization } from './oauth1-authorization.js';
import type { OAuth1Parameter } from './parse-form-encoded.js';
import { type RsaKey, rsaSigningKey } from './rsa-key.js';
import { signedParametersEncoder } from './signed-parameters-encoder.js';
import { signBaseString } from './sign-base-string.js';
import { checkSignatureMethod, isRsaMethod, type OAuth1SignatureMethod, signingKey } from './signature-method.js';

/** Options for {@link oauth1}. */
export interface OAuth1Options {
  /** The client identifier (`oauth_consumer_key`). */
  consumerKey: string;
  /** The client shared-secret. Required for HMAC-SHA1, HMAC-SHA256 and PLAINTEXT; unused by RSA. */
  consumerSecret?: string | Secret;
  /** The token (`oauth_token`): an access token, or a temporary one while getting the access token. Omit for two-legged (consumer-only) requests. */
  token?: string;
  /** The token shared-secret; required with `token` for HMAC and PLAINTEXT. */
  tokenSecret?: string | Secret;
  /**
   * Default `'HMAC-SHA1'` (RFC 5849 §3.4). PLAINTEXT sends the secrets themselves (§3.4.4): it is
   * only safe over TLS, which the send loop's origin policy already enforces (plain http is
   * refused except to loopback unless explicitly allowed), so this credential does not check it again.
   */
  signatureMethod?: OAuth1SignatureMethod;
  /** The RSA private key for RSA-SHA1 and RSA-SHA256: a `CryptoKey` (RSASSA-PKCS1-v1_5, the method's hash) or a JWK. */
  privateKey?: RsaKey;
  /** The `realm` of the Authorization header (§3.5.1). Visible ASCII without `"` or `\`. */
  realm?: string;
  /**
   * Send `oauth_body_hash` (the OAuth Request Body Hash extension: base64 SHA-1 of the exact
   * body bytes) on every request whose body is not a form, so the body is signed too. Form bodies
   * are always signed as parameters and never get a body hash. Default false.
   */
  bodyHash?: boolean;
  /** `oauth_callback` (§2.1), for the temporary-credentials request; `getRequestToken` sets it. */
  callback?: string;
  /** `oauth_verifier` (§2.3), for the token request; `getAccessToken` sets it. */
  verifier?: string;
  /** Send `oauth_version="1.0"` (optional per §3.1; some providers' examples show it). Default false. */
  includeVersion?: boolean;
}

const EMPTY = new Uint8Array();
const decoder = new TextDecoder();
const encodePair = ([name, value]: OAuth1Parameter): OAuth1Parameter => [oauthPercentEncode(name), oauthPercentEncode(value)];

/**
 * OAuth 1.0a request signing, exactly per RFC 5849: the base string of §3.4.1 (normalized base URI;
 * query, form body and protocol parameters decoded, re-encoded, sorted, duplicates kept), signed
 * with HMAC-SHA1, HMAC-SHA256, RSA-SHA1, RSA-SHA256 or PLAINTEXT, and sent as
 * `Authorization: OAuth realm="…", oauth_consumer_key="…", …`. Timestamps come from the shared
 * clock, and a verifier's `timestamp_skew` challenge corrects it and re-signs once.
 *
 * @example
 * ```ts
 * const api = withAuth(fetch, oauth1({
 *   consumerKey: process.env.CONSUMER_KEY!, consumerSecret: process.env.CONSUMER_SECRET!,
 *   token: accessToken, tokenSecret: accessTokenSecret,
 * }), { origins: 'https://api.example.com' });
 * ```
 */
export function oauth1(options: OAuth1Options): Credential {
  checkOptionsObject(options, 'oauth1(options)');
  const consumerKey = checkText(options.consumerKey, 'consumerKey');
  const method = options.signatureMethod === undefined ? 'HMAC-SHA1' : checkSignatureMethod(options.signatureMethod, 'signatureMethod');
  const token = options.token === undefined ? undefined : checkText(options.token, 'token');
  if (options.tokenSecret !== undefined && token === undefined) throw new SignetConfigError('tokenSecret', 'is given without token; pass both, or neither for two-legged requests');
  const sign = signerFor(method, options, token !== undefined);
  const realm = checkRealm(options.realm);
  if (options.bodyHash !== undefined && typeof options.bodyHash !== 'boolean') throw new SignetConfigError('bodyHash', 'must be true or false');
  if (options.includeVersion !== undefined && typeof options.includeVersion !== 'boolean') throw new SignetConfigError('includeVersion', 'must be true or false');

  // §3.1, in the order of RFC 5849's own examples; timestamp and nonce are filled in per request.
  const head: OAuth1Parameter[] = [['oauth_consumer_key', consumerKey]];
  if (token !== undefined) head.push(['oauth_token', token]);
  head.push(['oauth_signature_method', method]);
  const tail: OAuth1Parameter[] = [];
  if (options.includeVersion === true) tail.push(['oauth_version', '1.0']);
  if (options.callback !== undefined) tail.push(['oauth_callback', checkText(options.callback, 'callback')]);
  if (options.verifier !== undefined) tail.push(['oauth_verifier', checkText(options.verifier, 'verifier')]);
  const bodyHash = options.bodyHash === true;
  // Everything constant is encoded once, here: the protocol parameters' sort keys for the base
  // string, and the header around the per-request values (timestamp, nonce, body hash, signature).
  const encodeParameters = signedParametersEncoder([...head, ...tail]);
  const headerHead = `${formatEncodedOAuth1Authorization(head.map(encodePair), realm)}, oauth_timestamp="`;
  const headerTail = tail.map(([name, value]) => `, ${oauthPercentEncode(name)}="${oauthPercentEncode(value)}"`).join('');
  // Base64 (HMAC, RSA) needs only `+`, `/` and `=` encoded, which encodeURIComponent does; the
  // PLAINTEXT signature is the key text, which needs the full §3.6 encoding.
  const encodeSignature = method === 'PLAINTEXT' ? oauthPercentEncode : encodeURIComponent;

  // The steps of a signature, shared by the synchronous and the awaiting path.
  function timestampOf(context: AuthContext): string {
    const seconds = Math.floor(context.clock.now() / 1000);
    // An integer is digits (and maybe `-`), all unreserved; anything else (a broken clock) is encoded.
    return Number.isSafeInteger(seconds) ? String(seconds) : oauthPercentEncode(String(seconds));
  }
  function baseStringFor(request: SignableRequest, form: boolean, timestamp: string, nonce: string, bodyHashValue: string | undefined): string {
    // §3.4.1.3.1: the query and a form body are signed with the protocol parameters.
    // Both are form-encoded and empty parts are no parameters, so they are read as one text.
    let text = request.url.search.slice(1);
    if (form && request.body !== undefined && request.body.length > 0) text = text === '' ? decoder.decode(request.body) : `${text}&${decoder.decode(request.body)}`;
    return baseStringOf(request.method, request.url, encodeParameters(text, timestamp, nonce, bodyHashValue));
  }
  function signedWith(request: SignableRequest, timestamp: string, nonce: string, bodyHashValue: string | undefined, signature: string): SignableRequest {
    const bodyHashParameter = bodyHashValue === undefined ? '' : `, oauth_body_hash="${bodyHashValue}"`;
    return withHeader(request, 'authorization', `${headerHead}${timestamp}", oauth_nonce="${nonce}"${headerTail}${bodyHashParameter}, oauth_signature="${encodeSignature(signature)}"`);
  }
  async function authorizeAsync(request: SignableRequest, context: AuthContext): Promise<SignableRequest> {
    const timestamp = timestampOf(context);
    const nonce = oauthPercentEncode(context.nonce());
    const form = isFormContentType(request.headers.get('content-type'));
    const bodyHashValue = bodyHash && !form ? oauthPercentEncode(await context.crypto.sha1(request.body ?? EMPTY, 'base64')) : undefined;
    const signature = await sign(baseStringFor(request, form, timestamp, nonce, bodyHashValue), context.crypto);
    return signedWith(request, timestamp, nonce, bodyHashValue, signature);
  }

  return {
    scheme: 'oauth1',
    // Form bodies are signed as parameters, other bodies hashed when bodyHash is on: either way
    // the exact bytes must be in hand.
    requiresBody: true,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    authorize(request, context) {
      // node:crypto digests synchronously: the signed request is returned at once, with no
      // promise per digest. Only behind the platform's own crypto (and not for RSA, which is Web
      // Crypto); one the caller supplied is always called. Failures are rejections either way.
      const sync = sign.sync === undefined ? undefined : syncDigestsOf(context.crypto);
      // Checked by method: an older copy of @signet/core in the same app shares the symbol, not the methods.
      if (sync === undefined || typeof sync.sha1 !== 'function' || typeof sync.hmacSha1 !== 'function') return authorizeAsync(request, context);
      try {
        const timestamp = timestampOf(context);
        const nonce = oauthPercentEncode(context.nonce());
        const form = isFormContentType(request.headers.get('content-type'));
        const bodyHashValue = bodyHash && !form ? oauthPercentEncode(sync.sha1(request.body ?? EMPTY, 'base64')) : undefined;
        const signature = sign.sync!(baseStringFor(request, form, timestamp, nonce, bodyHashValue), sync);
        return signedWith(request, timestamp, nonce, bodyHashValue, signature);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    onResponse(response, request, context) {
      if (response.status !== 401) return undefined;
      // A skew refusal carries the server's time: learn it and re-sign once (docs/schemes/oauth1.md).
      const header = request.headers.get('authorization') ?? '';
      const sent = header.startsWith(`${OAUTH1_SCHEME} `) ? parseOAuth1Authorization(header.slice(OAUTH1_SCHEME.length + 1)) : undefined;
      const timestamp = sent?.parameters.find(([name]) => name === 'oauth_timestamp')?.[1];
      return resignAfterSkew(response, OAUTH1_SCHEME, timestamp === undefined ? undefined : Number(timestamp), context);
    },
  };
}

/**
 * Signs a base string: the signature before §3.6 encoding. `sync`, where the method has one (HMAC,
 * PLAINTEXT), signs with the platform's synchronous digests.
 */
type Sign = ((baseString: string, crypto: SignetCrypto) => Promise<string>) & { sync?: (baseString: string, digests: SyncDigests) => string };

function signerFor(method: OAuth1SignatureMethod, options: OAuth1Options, hasToken: boolean): Sign {
  if (isRsaMethod(method)) {
    if (options.privateKey === undefined) throw new SignetConfigError('privateKey', `is required for ${method}: an RSA private CryptoKey or JWK`);
    const privateKey = rsaSigningKey(options.privateKey, 'privateKey', method === 'RSA-SHA1' ? 'SHA-1' : 'SHA-256');
    // Imported once, on first use.
    return async (baseString, crypto) => signBaseString(baseString, { method, key: await privateKey() }, crypto);
  }
  if (options.privateKey !== undefined) throw new SignetConfigError('privateKey', `is only used by RSA-SHA1 and RSA-SHA256, not ${method}`);
  if (options.consumerSecret === undefined) throw new SignetConfigError('consumerSecret', `is required for ${method}`);
  const consumerSecret = checkSecretText(options.consumerSecret, 'consumerSecret').reveal();
  if (hasToken && options.tokenSecret === undefined) throw new SignetConfigError('tokenSecret', `is required with token for ${method}`);
  const tokenSecret = options.tokenSecret === undefined ? '' : checkSecretText(options.tokenSecret, 'tokenSecret').reveal();
  const text = signingKey(consumerSecret, tokenSecret);
  if (method === 'PLAINTEXT') {
    const signature = Promise.resolve(text);
    return Object.assign(() => signature, { sync: () => text });
  }
  // One array for the credential's life: SignetCrypto prepares an HMAC key once per array. The
  // crypto is called directly (no async wrapper), so signing awaits one promise.
  const key = utf8(text);
  return method === 'HMAC-SHA1'
    ? Object.assign((baseString: string, crypto: SignetCrypto) => crypto.hmacSha1(key, baseString, 'base64'), {
        sync: (baseString: string, digests: SyncDigests) => digests.hmacSha1(key, baseString, 'base64'),
      })
    : Object.assign((baseString: string, crypto: SignetCrypto) => crypto.hmacSha256(key, baseString, 'base64'), {
        sync: (baseString: string, digests: SyncDigests) => digests.hmacSha256(key, baseString, 'base64'),
      });
}

// The realm is a quoted-string (RFC 9110 §5.6.4), written as it is.
function checkRealm(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x20-\x7e]*$/.test(value) || /["\\]/.test(value)) {
    throw new SignetConfigError('realm', 'must be visible ASCII or spaces, without quotes or backslashes');
  }
  return value;
}
