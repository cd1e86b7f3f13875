import { checkOptionsObject, checkText, platformCrypto, SignetConfigError, type SignetCrypto } from '@signet/core';
import { createKeySet } from './key-set.js';
import { type ApiKeyPolicy, compileApiKeyPolicy } from './schemes/api-key-policy.js';
import { type BasicPolicy, compileBasicPolicy } from './schemes/basic-policy.js';
import { decodeBasic } from './schemes/decode-basic.js';
import { parseAuthorization } from './schemes/parse-authorization.js';
import type { VerificationFailureReason, VerificationResult, VerifiedScheme } from './verification-result.js';

/** Which schemes the verifier accepts, and with which secrets. Configure at least one. */
export interface VerifierPolicy {
  /** The realm named in challenges (default `"signet"`). */
  realm?: string;
  apiKey?: ApiKeyPolicy;
  basic?: BasicPolicy;
  /** The crypto implementation (default: the fastest for this runtime). */
  crypto?: SignetCrypto;
}

/** Checks requests against a {@link VerifierPolicy}. */
export interface Verifier {
  /** Authenticates a standard `Request`. Never throws for a bad request; the result says why. */
  verify(request: Request): Promise<VerificationResult>;
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
  if (policy.apiKey === undefined && policy.basic === undefined) throw new SignetConfigError('policy', 'configure at least one scheme (apiKey, basic)');
  const realm = checkRealm(policy.realm);
  const crypto = policy.crypto ?? platformCrypto;
  const apiKey = policy.apiKey === undefined ? undefined : compileApiKeyPolicy(policy.apiKey);
  const apiKeys = apiKey === undefined ? undefined : createKeySet(apiKey.keys, crypto);
  const basicEntries = policy.basic === undefined ? undefined : compileBasicPolicy(policy.basic);
  const passwords = basicEntries === undefined ? undefined : createKeySet(basicEntries, crypto);

  // RFC 9110 §11.6.1: one challenge per scheme we accept; RFC 7617 §2.1 for Basic's charset.
  const challenges: string[] = [];
  if (apiKey) challenges.push(`${apiKey.scheme} realm="${realm}"`);
  if (passwords) challenges.push(`Basic realm="${realm}", charset="UTF-8"`);
  const challenge = challenges.join(', ');
  const fail = (scheme: VerifiedScheme | undefined, reason: VerificationFailureReason): VerificationResult => ({ ok: false, scheme, reason, status: 401, challenge });

  async function verifyApiKey(presented: string): Promise<VerificationResult> {
    if (presented.length === 0) return fail('api-key', 'malformed_credentials');
    const client = await apiKeys!.match(presented);
    return client === undefined ? fail('api-key', 'unknown_key') : { ok: true, scheme: 'api-key', identity: client };
  }

  async function verifyBasic(token: string): Promise<VerificationResult> {
    const credentials = decodeBasic(token);
    if (credentials === undefined) return fail('basic', 'malformed_credentials');
    // Only this user's passwords count; an unknown user costs the same comparisons as a known one.
    const user = await passwords!.match(credentials.password, new Set([credentials.username]));
    return user === undefined ? fail('basic', 'invalid_credentials') : { ok: true, scheme: 'basic', identity: user };
  }

  return {
    async verify(request) {
      const authorization = parseAuthorization(request.headers.get('authorization'));
      if (authorization?.scheme === 'basic' && passwords) return verifyBasic(authorization.value);
      if (apiKey?.header === 'authorization' && authorization?.scheme === apiKey.scheme.toLowerCase()) return verifyApiKey(authorization.value);
      if (apiKey?.header !== undefined && apiKey.header !== 'authorization') {
        const value = request.headers.get(apiKey.header);
        if (value !== null) return verifyApiKey(value.trim());
      }
      if (apiKey?.query !== undefined) {
        const value = new URL(request.url).searchParams.get(apiKey.query);
        if (value !== null) return verifyApiKey(value);
      }
      return fail(undefined, authorization === undefined ? 'missing_credentials' : 'unsupported_scheme');
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
