import type { AuthContext } from '../../credential/auth-context.js';
import type { Credential } from '../../credential/credential.js';
import { type SignableRequest, withHeader } from '../../credential/signable-request.js';
import { syncDigestsOf } from '../../crypto/sync-digests.js';
import { utf8 } from '../../encoding.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { SignetRequestError } from '../../errors/request-error.js';
import { checkOptionsObject, checkSecretText, checkToken } from '../../options/check.js';
import { redactRequest } from '../../secret/redact-request.js';
import type { Secret } from '../../secret/secret.js';
import { HMAC_SCHEME, hmacAuthorizationValue, parseHmacAuthorization } from './hmac-authorization.js';
import { resignAfterSkew } from '../../clock/skew-challenge.js';
import { type SignedHeaderList, stringToSign } from './string-to-sign.js';

/** Options for {@link hmac}. */
export interface HmacOptions {
  /** Which key signed: the verifier looks the secret up by it. Visible ASCII, no quote, backslash or comma. */
  keyId: string;
  /** The shared secret, at least 32 bytes of UTF-8 (the size of an HMAC-SHA256 output). */
  secret: string | Secret;
  /**
   * Extra headers to sign, beyond what is always covered (method, host, path, query, body hash,
   * timestamp, nonce, and `content-type` when present). Each must be on every request: a missing
   * one fails with `missing_signed_header` instead of being skipped.
   */
  headers?: readonly string[];
}

const MIN_SECRET_BYTES = 32;
// SHA-256 of no bytes (FIPS 180-4), the body hash of every GET: a constant, not a native call per request.
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
// Written by this scheme; `host` is always signed on its own line.
const RESERVED = new Set(['authorization', 'host']);

/**
 * Signet's HMAC-SHA256 request signing (docs/schemes/hmac.md): method, host, path, canonical query,
 * chosen headers, the SHA-256 of the exact body bytes, a timestamp and a nonce, in
 * `Authorization: HMAC-SHA256 keyId="…", timestamp="…", nonce="…", headers="…", signature="…"`.
 * When the verifier refuses the timestamp and says what time it is, the credential corrects the
 * shared clock and asks for one re-send.
 *
 * @example
 * ```ts
 * const api = withAuth(fetch, hmac({ keyId: 'partner-42', secret: process.env.PARTNER_SECRET!, headers: ['x-request-id'] }), {
 *   origins: 'https://partner.example.com',
 * });
 * ```
 */
export function hmac(options: HmacOptions): Credential {
  checkOptionsObject(options, 'hmac(options)');
  const keyId = checkKeyId(options.keyId);
  const secret = utf8(checkSecretText(options.secret, 'secret').reveal());
  if (secret.length < MIN_SECRET_BYTES) {
    throw new SignetConfigError('secret', `must be at least ${MIN_SECRET_BYTES} bytes (got fewer); generate one with 32 random bytes`);
  }
  const names = checkHeaderList(options.headers);
  const extra = headerList(names);
  // content-type is signed whenever the request has one (docs/schemes/hmac.md): both lists, made once.
  const withContentType = names.includes('content-type') ? extra : headerList(['content-type', ...names]);

  // The headers this request signs, after checking that every configured one is there.
  function signedHeadersOf(request: SignableRequest): SignedHeaderList {
    for (let i = 0; i < names.length; i++) {
      if (!request.headers.has(names[i]!)) {
        throw new SignetRequestError('missing_signed_header', `headers[${i}]: "${names[i]}" is configured to be signed but the request has no such header`, redactRequest(request));
      }
    }
    return request.headers.has('content-type') ? withContentType : extra;
  }

  // Locals and positional calls, not a parts object per step: each object was another 50–70
  // bytes per request (issue 10's 2.5 kB budget).
  function signed(request: SignableRequest, signedHeaders: SignedHeaderList, timestamp: number, nonce: string, signature: string): SignableRequest {
    return withHeader(request, 'authorization', hmacAuthorizationValue(keyId, timestamp, nonce, signedHeaders.joined, signature));
  }

  // Web Crypto: every digest is a promise.
  async function authorizeAsync(request: SignableRequest, context: AuthContext): Promise<SignableRequest> {
    const signedHeaders = signedHeadersOf(request);
    const timestamp = Math.floor(context.clock.now() / 1000);
    const nonce = context.nonce();
    const body = request.body;
    const bodySha256 = body === undefined || body.byteLength === 0 ? EMPTY_BODY_SHA256 : await context.crypto.sha256(body, 'hex');
    const text = stringToSign(timestamp, nonce, request.method, request.url, signedHeaders, request.headers, bodySha256);
    return signed(request, signedHeaders, timestamp, nonce, await context.crypto.hmacSha256(secret, text, 'hex'));
  }

  return {
    scheme: 'hmac',
    requiresBody: true,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    authorize(request, context) {
      // node:crypto digests synchronously: the signed request is returned at once, with no
      // promise per digest and none for the loop to wait on. Only behind the platform's own
      // crypto; one the caller supplied is always called. Failures are rejections either way.
      const sync = syncDigestsOf(context.crypto);
      if (sync === undefined) return authorizeAsync(request, context);
      try {
        const signedHeaders = signedHeadersOf(request);
        const timestamp = Math.floor(context.clock.now() / 1000);
        const nonce = context.nonce();
        const body = request.body;
        const bodySha256 = body === undefined || body.byteLength === 0 ? EMPTY_BODY_SHA256 : sync.sha256(body, 'hex');
        const text = stringToSign(timestamp, nonce, request.method, request.url, signedHeaders, request.headers, bodySha256);
        return signed(request, signedHeaders, timestamp, nonce, sync.hmacSha256(secret, text, 'hex'));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    onResponse(response, request, context) {
      // Only a 401 can be a skew refusal: the common 2xx costs no parse of what was sent.
      if (response.status !== 401) return undefined;
      // A skew refusal carries the server's time: learn it and re-sign once (docs/schemes/hmac.md).
      const signedAt = parseHmacAuthorization(request.headers.get('authorization')?.slice(HMAC_SCHEME.length + 1) ?? '')?.timestamp;
      return resignAfterSkew(response, HMAC_SCHEME, signedAt, context);
    },
  };
}

function headerList(names: readonly string[]): SignedHeaderList {
  return { names, joined: names.join(';') };
}

function checkKeyId(value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value) || /["\\,]/.test(value)) {
    throw new SignetConfigError('keyId', 'must be non-empty visible ASCII without quotes, backslashes or commas');
  }
  return value;
}

function checkHeaderList(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SignetConfigError('headers', 'must be an array of header names');
  const names = value.map((name: unknown, i) => checkToken(name, `headers[${i}]`).toLowerCase());
  names.forEach((name, i) => {
    if (RESERVED.has(name)) throw new SignetConfigError(`headers[${i}]`, `"${name}" is always handled by the scheme and cannot be listed`);
    if (names.indexOf(name) !== i) throw new SignetConfigError(`headers[${i}]`, `"${name}" is listed twice`);
  });
  return names;
}
