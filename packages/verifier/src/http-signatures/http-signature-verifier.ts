import { SignetCredentialError, SignetRequestError, utf8 } from '@signet/core';
import { checkContentDigest, signatureBase } from '@signet/core/http-signatures';
import type { SchemeOutcome, SchemeVerifier } from '../scheme-verifier.js';
import { compileHttpSignaturePolicy, type HttpSignaturePolicy } from './http-signature-policy.js';
import { selectSignature } from './select-signature.js';
import { claimNonce } from '../claim-nonce.js';

/**
 * The RFC 9421 HTTP Message Signatures side of the verifier, with RFC 9530 Content-Digest for
 * bodies. For the signature it picks (see `selectSignature`) it checks, in order: the key id and
 * algorithm, the components the policy requires, the signature over the base rebuilt from the
 * received request (RFC 9421 §3.2), `created` (and `expires`) against the clock, the body against
 * `Content-Digest`, and last the nonce, so only a valid signature can use one up.
 *
 * @example
 * ```ts
 * const scheme = httpSignatureVerifier({ keys: { 'billing-2026': { algorithm: 'ed25519', key: publicJwk } } }, 'signet');
 * const outcome = await scheme.verify(request, context);
 * ```
 */
export function httpSignatureVerifier(policy: HttpSignaturePolicy, realm: string): SchemeVerifier {
  const compiled = compileHttpSignaturePolicy(policy);
  const keyIds = new Set(compiled.keys.keys());
  const fail = (reason: Extract<SchemeOutcome, { ok: false }>['reason'], challengeParams?: string): SchemeOutcome =>
    challengeParams === undefined ? { ok: false, reason } : { ok: false, reason, challengeParams };

  return {
    scheme: 'http-signature',
    // RFC 9421 defines no auth-scheme; `HTTPSig` names the expectation (Accept-Signature, §5.1, would ask for one).
    challenge: `HTTPSig realm="${realm}"`,
    async verify(request, context) {
      const signatureInput = request.headers.get('signature-input');
      const signatureField = request.headers.get('signature');
      if (signatureInput === null && signatureField === null) return undefined;
      if (signatureInput === null || signatureField === null) return fail('malformed_credentials');

      const selected = selectSignature(signatureInput, signatureField, keyIds);
      if (selected === 'malformed') return fail('malformed_credentials');
      if (selected === 'unknown_key') return fail('unknown_key');
      const { params } = selected;
      const keyId = params.keyid!;

      // RFC 9421 §3.2 step 6 and §7.3.6: the key decides the algorithm; `alg`, when sent, must agree.
      let keys = compiled.keys.get(keyId)!;
      if (params.alg !== undefined) {
        keys = keys.filter((key) => key.algorithm === params.alg);
        if (keys.length === 0) return fail('unsupported_algorithm');
      }

      // The policy's profile (RFC 9421 §1.4): what must be covered, and which parameters must be there.
      const body = request.body === null ? new Uint8Array(0) : await context.body();
      const required = body.length > 0 ? [...compiled.requiredComponents, 'content-digest'] : compiled.requiredComponents;
      if (required.some((name) => !params.components.includes(name))) return fail('missing_component');
      if (params.created === undefined) return fail('missing_component');
      if (compiled.requireNonce && params.nonce === undefined) return fail('missing_component');

      let base: string;
      try {
        base = signatureBase({ method: request.method, url: new URL(request.url), headers: request.headers }, selected.list);
      } catch (error) {
        if (error instanceof SignetRequestError && error.code === 'missing_signed_header') return fail('missing_component');
        if (error instanceof SignetCredentialError) return fail('malformed_credentials');
        throw error;
      }
      const bytes = utf8(base);
      // Every key of this id is tried, without stopping at the first match.
      let valid = false;
      for (const key of keys) valid = (await key.check(bytes, selected.signature, context.crypto)) || valid;
      if (!valid) return fail('signature_mismatch');

      // RFC 9421 §3.2.1: created and expires against the verifier's clock, in seconds.
      const nowMs = context.now();
      const now = Math.floor(nowMs / 1000);
      const skewed = Math.abs(now - params.created) > compiled.toleranceSeconds || (params.expires !== undefined && now > params.expires);
      if (skewed) return fail('timestamp_skew', `error="timestamp_skew", server_time="${now}"`);

      // RFC 9530 §2 + RFC 9421 §7.2.8: the signature covers the digest; the digest covers the body.
      if (params.components.includes('content-digest')) {
        const digest = await checkContentDigest(request.headers.get('content-digest')!, body, context.crypto);
        // A digest that is malformed or of no known algorithm cannot vouch for the body either.
        if (digest !== 'match') return fail('digest_mismatch');
      }

      // RFC 9421 §7.2.2: a nonce is used once while its signature could still be accepted, which
      // is through the whole last second of the window (created is in whole seconds): hence + 1.
      if (params.nonce !== undefined) {
        const claim = await claimNonce(compiled.nonceStore(context.now), `${encodeURIComponent(keyId)}:${params.nonce}`, (params.created + compiled.toleranceSeconds + 1) * 1000);
        if (claim === 'replayed') return fail('nonce_replay');
        if (claim === 'full') return fail('nonce_store_full');
      }
      return { ok: true, identity: keyId };
    },
  };
}
