import { checkOptionsObject, checkPositiveInteger, createMemoryNonceStore, type NonceStore, type Secret, SignetConfigError } from '@signet/core';
import { checkComponents, checkHttpSignatureAlgorithm, type Ed25519Key, type HttpSignatureAlgorithm } from '@signet/core/http-signatures';
import { createSignatureCheck, type SignatureCheck } from './create-signature-check.js';

/** One key a key id may sign with: a shared secret for `hmac-sha256`, a public key for `ed25519`. */
export type HttpSignatureKey =
  | { readonly algorithm: 'hmac-sha256'; readonly key: string | Secret | Uint8Array }
  | { readonly algorithm: 'ed25519'; readonly key: Ed25519Key };

/** How the verifier accepts RFC 9421 HTTP Message Signatures; mirrors `httpSignature()` on the client. */
export interface HttpSignaturePolicy {
  /**
   * Key id (the `keyid` parameter) → the keys valid for it. Several keys per id is how keys
   * rotate: add the new key, move the signer, then remove the old one. The key id is the identity.
   */
  keys: Readonly<Record<string, HttpSignatureKey | readonly HttpSignatureKey[]>>;
  /**
   * Components every signature must cover (default `['@method', '@target-uri']`). Whatever this
   * says, a request with a body must also cover `content-digest`.
   */
  requiredComponents?: readonly string[];
  /** How far `created` may be from the verifier's clock, in seconds (default 300). */
  toleranceSeconds?: number;
  /** Where nonces are remembered (default: a bounded in-memory store). Share one across replicas. */
  nonceStore?: NonceStore;
  /** Refuse signatures without a `nonce` parameter (default true). */
  requireNonce?: boolean;
}

/** One configured key, ready to check signatures. */
export interface CompiledKey {
  readonly algorithm: HttpSignatureAlgorithm;
  readonly check: SignatureCheck;
}

/** An {@link HttpSignaturePolicy} checked and normalized once. */
export interface CompiledHttpSignaturePolicy {
  readonly keys: ReadonlyMap<string, readonly CompiledKey[]>;
  readonly requiredComponents: readonly string[];
  readonly toleranceSeconds: number;
  /** The store; the default one reads the verifier's clock through `now`. */
  nonceStore(now: () => number): NonceStore;
  readonly requireNonce: boolean;
}

const FIELD = 'httpSignature';

/** Checks an {@link HttpSignaturePolicy}; errors name the field (`httpSignature.keys.partner[1].key`), never a key. */
export function compileHttpSignaturePolicy(policy: HttpSignaturePolicy): CompiledHttpSignaturePolicy {
  checkOptionsObject(policy, FIELD);
  const keys = compileKeys(policy.keys);
  const requiredComponents =
    policy.requiredComponents === undefined ? ['@method', '@target-uri'] : checkComponents(policy.requiredComponents, `${FIELD}.requiredComponents`, { allowEmpty: true });
  const toleranceSeconds = policy.toleranceSeconds === undefined ? 300 : checkPositiveInteger(policy.toleranceSeconds, `${FIELD}.toleranceSeconds`);
  if (policy.requireNonce !== undefined && typeof policy.requireNonce !== 'boolean') throw new SignetConfigError(`${FIELD}.requireNonce`, 'must be true or false');
  const given = policy.nonceStore;
  if (given !== undefined && (typeof given !== 'object' || given === null || typeof given.claim !== 'function')) {
    throw new SignetConfigError(`${FIELD}.nonceStore`, 'must be a NonceStore (an object with claim(key, expiresAtMs))');
  }
  // The default store expires entries on the verifier's clock, which is only known at verify time.
  let clock: () => number = Date.now;
  const fallback = given ?? createMemoryNonceStore({ now: () => clock() });
  return {
    keys,
    requiredComponents,
    toleranceSeconds,
    requireNonce: policy.requireNonce ?? true,
    nonceStore(now) {
      clock = now;
      return fallback;
    },
  };
}

function compileKeys(map: unknown): Map<string, CompiledKey[]> {
  const field = `${FIELD}.keys`;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new SignetConfigError(field, 'must be an object mapping each key id to its key(s)');
  const keys = new Map<string, CompiledKey[]>();
  for (const [keyId, value] of Object.entries(map)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new SignetConfigError(`${field}.${keyId}`, 'must list at least one key');
    keys.set(
      keyId,
      list.map((entry, i) => {
        const at = Array.isArray(value) ? `${field}.${keyId}[${i}]` : `${field}.${keyId}`;
        checkOptionsObject(entry, at);
        const { algorithm, key } = entry as { algorithm?: unknown; key?: unknown };
        const checked = checkHttpSignatureAlgorithm(algorithm, `${at}.algorithm`);
        if (key === undefined) throw new SignetConfigError(`${at}.key`, 'is required');
        return { algorithm: checked, check: createSignatureCheck(checked, key, `${at}.key`) };
      }),
    );
  }
  if (keys.size === 0) throw new SignetConfigError(field, 'must configure at least one key id');
  return keys;
}
