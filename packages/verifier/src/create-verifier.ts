import { checkOptionsObject, checkText, platformCrypto, SignetConfigError, type SignetCrypto } from '@signet/core';
import type { SchemeVerifier, SchemeVerifierContext } from './scheme-verifier.js';
import type { ApiKeyPolicy } from './schemes/api-key-policy.js';
import { apiKeyVerifier } from './schemes/api-key-verifier.js';
import type { BasicPolicy } from './schemes/basic-policy.js';
import { basicVerifier } from './schemes/basic-verifier.js';
import { type HmacPolicy, hmacVerifier } from './schemes/hmac-verifier.js';
import type { OAuth1Policy } from './schemes/oauth1-policy.js';
import { oauth1Verifier } from './schemes/oauth1-verifier.js';
import type { HttpSignaturePolicy } from './http-signatures/http-signature-policy.js';
import { httpSignatureVerifier } from './http-signatures/http-signature-verifier.js';
import type { WebhookPolicy } from './webhooks/webhook-policy.js';
import { webhookVerifier } from './webhooks/webhook-verifier.js';
import { parseAuthorization } from './schemes/parse-authorization.js';
import type { VerificationResult } from './verification-result.js';
import type { BearerPolicy } from './oauth2/bearer-policy.js';
import type { TokenOutcome } from './oauth2/token-scheme-verifier.js';
import { tokenVerifiers } from './oauth2/token-verifiers.js';

/** Which schemes the verifier accepts, and with which secrets. Configure at least one. */
export interface VerifierPolicy {
  /** The realm named in challenges (default `"signet"`). */
  realm?: string;
  apiKey?: ApiKeyPolicy;
  basic?: BasicPolicy;
  /** Signet's HMAC-SHA256 signatures (docs/schemes/hmac.md). */
  hmac?: HmacPolicy;
  /** OAuth 1.0a, RFC 5849 (docs/schemes/oauth1.md). */
  oauth1?: OAuth1Policy;
  /** RFC 9421 HTTP Message Signatures with RFC 9530 Content-Digest (docs/schemes/http-signatures.md). */
  httpSignature?: HttpSignaturePolicy;
  /** Standard Webhooks signatures (docs/schemes/webhooks.md). */
  webhook?: WebhookPolicy;
  /** JWT access tokens and self-signed JWTs as `Bearer` (RFC 6750) and `DPoP` (RFC 9449) (docs/verifier.md#bearer-and-dpop-tokens). */
  bearer?: BearerPolicy;
  /** The crypto implementation (default: the fastest for this runtime). */
  crypto?: SignetCrypto;
  /** The verifier's clock in milliseconds, for timestamp checks (default `Date.now`). */
  now?: () => number;
}

/** What the server knows about a request beyond the `Request` itself. */
export interface VerifyOptions {
  /** The client certificate (DER) the TLS layer verified; certificate-bound tokens (RFC 8705 §3) need it. */
  clientCertificate?: Uint8Array;
}

/** Checks requests against a {@link VerifierPolicy}. */
export interface Verifier {
  /** Authenticates a standard `Request`. Never throws for a bad request; the result says why. The body is read from a clone. */
  verify(request: Request, options?: VerifyOptions): Promise<VerificationResult>;
}

/**
 * Creates a verifier. Secrets are compared in constant time (as SHA-256 digests), several keys
 * per client may be valid at once, and a refusal carries a reason, the status and the
 * `WWW-Authenticate` challenge to answer with.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ apiKey: { clients: { 'billing-service': [newKey, oldKey] } } });
 * const result = await verifier.verify(request);
 * if (!result.ok) return new Response(null, { status: result.status, headers: { 'www-authenticate': result.challenge } });
 * ```
 */
export function createVerifier(policy: VerifierPolicy): Verifier {
  checkOptionsObject(policy, 'createVerifier(policy)');
  const realm = checkRealm(policy.realm);
  const crypto = policy.crypto ?? platformCrypto;
  if (policy.now !== undefined && typeof policy.now !== 'function') throw new SignetConfigError('now', 'must be a function returning milliseconds');
  const now = policy.now ?? Date.now;
  const schemes: SchemeVerifier[] = [];
  if (policy.apiKey !== undefined) schemes.push(apiKeyVerifier(policy.apiKey, realm, crypto));
  if (policy.basic !== undefined) schemes.push(basicVerifier(policy.basic, realm, crypto));
  if (policy.hmac !== undefined) schemes.push(hmacVerifier(policy.hmac, realm, now));
  if (policy.oauth1 !== undefined) schemes.push(oauth1Verifier(policy.oauth1, realm, now));
  if (policy.httpSignature !== undefined) schemes.push(httpSignatureVerifier(policy.httpSignature, realm));
  if (policy.webhook !== undefined) schemes.push(webhookVerifier(policy.webhook, realm));
  if (policy.bearer !== undefined) schemes.push(...tokenVerifiers(policy.bearer, realm, now, crypto));
  if (schemes.length === 0) throw new SignetConfigError('policy', 'configure at least one scheme (apiKey, basic, hmac, oauth1, httpSignature, webhook)');

  // RFC 9110 §11.6.1: one challenge per scheme we accept; the failing scheme's may carry params.
  const challengeFor = (failed?: SchemeVerifier, params?: string): string =>
    schemes.map((s) => (s === failed && params ? `${s.challenge}, ${params}` : s.challenge)).join(', ');

  return {
    async verify(request, options = {}) {
      let body: Promise<Uint8Array> | undefined;
      const context: SchemeVerifierContext & VerifyOptions = {
        now,
        crypto,
        body: () => (body ??= request.clone().arrayBuffer().then((buffer) => new Uint8Array(buffer))),
        ...(options.clientCertificate !== undefined && { clientCertificate: options.clientCertificate }),
      };
      for (const scheme of schemes) {
        // Token schemes add a status, headers and claims to the outcome; the others never set them.
        const outcome: TokenOutcome | undefined = await scheme.verify(request, context);
        if (outcome === undefined) continue;
        const headers = outcome.headers && { headers: outcome.headers };
        if (outcome.ok) return { ok: true, scheme: scheme.scheme, identity: outcome.identity, ...(outcome.claims && { claims: outcome.claims }), ...headers };
        const status = outcome.status ?? (outcome.reason === 'nonce_store_full' ? 503 : 401);
        return { ok: false, scheme: scheme.scheme, reason: outcome.reason, status, challenge: challengeFor(scheme, outcome.challengeParams), ...headers };
      }
      const reason = parseAuthorization(request.headers.get('authorization')) === undefined ? 'missing_credentials' : 'unsupported_scheme';
      return { ok: false, scheme: undefined, reason, status: 401, challenge: challengeFor() };
    },
  };
}

// The realm goes into a quoted-string (RFC 9110 §5.6.4): visible ASCII and spaces, with `"` and `\`
// escaped as quoted-pairs.
function checkRealm(value: unknown): string {
  const realm = checkText(value ?? 'signet', 'realm');
  if (!/^[\x20-\x7e]+$/.test(realm)) throw new SignetConfigError('realm', 'must be visible ASCII (it is sent in the WWW-Authenticate header)');
  return realm.replace(/["\\]/g, '\\$&');
}
