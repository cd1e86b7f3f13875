import type { Credential } from '../../credential/credential.js';
import { resignAfterSkew } from '../../clock/skew-challenge.js';
import { withHeaders } from '../../credential/signable-request.js';
import { base64, utf8 } from '../../encoding.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { SignetCredentialError } from '../../errors/credential-error.js';
import { checkOptionsObject, checkPositiveInteger, checkText } from '../../options/check.js';
import { checkComponents } from './check-components.js';
import type { HmacKey } from './check-hmac-key.js';
import { contentDigest } from './content-digest.js';
import { createSigner } from './create-signer.js';
import type { Ed25519Key } from './ed25519-key.js';
import { serializeInnerList, isStructuredFieldKey, isStructuredFieldString } from './serialize-structured-field.js';
import { checkHttpSignatureAlgorithm } from './signature-algorithm.js';
import { signatureBase } from './signature-base.js';
import { signatureParamsList } from './signature-params.js';

interface HttpSignatureCommonOptions {
  /** The `keyid` parameter: how the verifier finds the key. Printable ASCII. */
  keyId: string;
  /**
   * The components to cover, in order (RFC 9421 §2): derived components (`@method`,
   * `@target-uri`, `@authority`, `@scheme`, `@request-target`, `@path`, `@query`) and header
   * names. Default `['@method', '@target-uri']`. `content-digest` is added when there is a body
   * (see `contentDigest`). A header listed here but absent from a request fails that request.
   */
  components?: readonly string[];
  /** The dictionary key in `Signature-Input` and `Signature` (default `sig1`). */
  label?: string;
  /** Send a fresh `nonce` parameter for the verifier's replay check (default true). */
  nonce?: boolean;
  /**
   * Add `Content-Digest` (RFC 9530, sha-256) to requests with a body and cover it, so the
   * signature protects the body (default true). Makes the send loop buffer bodies.
   */
  contentDigest?: boolean;
  /** Add an `expires` parameter this many seconds after `created` (default: none). */
  expiresIn?: number;
  /**
   * Send the `alg` parameter (default true), so a verifier can refuse an algorithm it does not
   * expect for the key before computing anything. RFC 9421 §3.3.7 makes it optional.
   */
  includeAlgorithm?: boolean;
}

/** Options for {@link httpSignature} with a shared secret. */
export interface HttpSignatureHmacOptions extends HttpSignatureCommonOptions {
  algorithm: 'hmac-sha256';
  /** At least 32 bytes: a string/{@link Secret} (its UTF-8 bytes) or raw bytes. */
  key: HmacKey;
}

/** Options for {@link httpSignature} with an Ed25519 private key. */
export interface HttpSignatureEd25519Options extends HttpSignatureCommonOptions {
  algorithm: 'ed25519';
  /** A private Ed25519 `CryptoKey` (usage `sign`) or a private JWK (with `d`). */
  key: Ed25519Key;
}

/** Options for {@link httpSignature}. */
export type HttpSignatureOptions = HttpSignatureHmacOptions | HttpSignatureEd25519Options;

const DEFAULT_COMPONENTS = ['@method', '@target-uri'];

/**
 * An HTTP Message Signatures credential (RFC 9421), with the body covered through
 * `Content-Digest` (RFC 9530). Each request gets `Signature-Input` and `Signature` headers under
 * `label`, with `created` from the (server-corrected) clock, a fresh `nonce` and the `keyid`.
 *
 * @example
 * ```ts
 * const api = withAuth(fetch, httpSignature({
 *   keyId: 'billing-2026',
 *   algorithm: 'ed25519',
 *   key: privateJwk,
 *   components: ['@method', '@target-uri', 'content-type'],
 * }), { origins: 'https://partner.example.com' });
 * ```
 */
export function httpSignature(options: HttpSignatureOptions): Credential {
  checkOptionsObject(options, 'httpSignature(options)');
  const keyId = checkText(options.keyId, 'keyId');
  if (!isStructuredFieldString(keyId)) throw new SignetConfigError('keyId', 'must be printable ASCII (it is sent as a structured-field string)');
  const algorithm = checkHttpSignatureAlgorithm(options.algorithm, 'algorithm');
  const sign = createSigner(algorithm, options.key, 'key');
  const components = options.components === undefined ? DEFAULT_COMPONENTS : checkComponents(options.components, 'components');
  const label = options.label ?? 'sig1';
  if (typeof label !== 'string' || !isStructuredFieldKey(label)) {
    throw new SignetConfigError('label', 'must be a structured-field key: lower-case letters, digits, _ - . * (starting with a letter or *)');
  }
  const useNonce = checkBoolean(options.nonce, 'nonce', true);
  const useDigest = checkBoolean(options.contentDigest, 'contentDigest', true);
  const includeAlgorithm = checkBoolean(options.includeAlgorithm, 'includeAlgorithm', true);
  const expiresIn = options.expiresIn === undefined ? undefined : checkPositiveInteger(options.expiresIn, 'expiresIn');
  const sensitiveHeaders = useDigest ? ['signature', 'signature-input', 'content-digest'] : ['signature', 'signature-input'];

  return {
    scheme: 'http-signature',
    requiresBody: useDigest,
    sensitiveHeaders,
    sensitiveQueryParams: [],
    async authorize(request, context) {
      let headers: Record<string, string> = {};
      let covered = components;
      // RFC 9530 §2 + RFC 9421 §7.2.8: the signature covers the body through its digest.
      if (useDigest && request.body !== undefined) {
        headers['content-digest'] = await contentDigest(request.body, context.crypto);
        if (!covered.includes('content-digest')) covered = [...covered, 'content-digest'];
      }
      const parts = { method: request.method, url: request.url, headers: withHeaders(request, headers).headers };
      // RFC 9421 §2.3: created and expires are integer seconds.
      const created = Math.floor(context.clock.now() / 1000);
      const nonce = useNonce ? checkNonce(context.nonce()) : undefined;
      const params = signatureParamsList({
        components: covered,
        created,
        ...(expiresIn === undefined ? {} : { expires: created + expiresIn }),
        keyid: keyId,
        ...(nonce === undefined ? {} : { nonce }),
        ...(includeAlgorithm ? { alg: algorithm } : {}),
      });
      context.signal?.throwIfAborted();
      const base = signatureBase(parts, params);
      const signature = await sign(utf8(base), context.crypto);
      // RFC 9421 §4.1, §4.2: both fields are dictionaries keyed by the label.
      headers = { ...headers, 'signature-input': `${label}=${serializeInnerList(params)}`, signature: `${label}=:${base64(signature)}:` };
      return withHeaders(request, headers);
    },
    onResponse(response, request, context) {
      if (response.status !== 401) return undefined;
      // Signet's verifier answers a stale `created` with the server's time (HTTPSig challenge):
      // learn it and re-sign once, as the HMAC scheme does.
      const created = /;created=(\d{1,12})(?:;|$)/.exec(request.headers.get('signature-input') ?? '')?.[1];
      return resignAfterSkew(response, 'HTTPSig', created === undefined ? undefined : Number(created), context);
    },
  };
}

function checkBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new SignetConfigError(field, 'must be true or false');
  return value;
}

function checkNonce(nonce: unknown): string {
  if (typeof nonce !== 'string' || nonce.length === 0 || !isStructuredFieldString(nonce)) {
    throw new SignetCredentialError('http-signature', 'the nonce source returned a value that is not a non-empty printable ASCII string');
  }
  return nonce;
}
