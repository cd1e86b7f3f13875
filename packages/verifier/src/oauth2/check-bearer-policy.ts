import { checkOptionsObject, checkPositiveInteger, checkText, createMemoryNonceStore, type NonceStore, SignetConfigError, type SignetCrypto } from '@signet/core';
import type { JSONWebKeySet } from 'jose';
import { toJwks } from './authorization-server-options.js';
import type { BearerPolicy, JwksSource } from './bearer-policy.js';
import { createDpopNonces, type DpopNonces } from './dpop-nonces.js';
import type { TrustedIssuer } from './verify-access-token.js';
import { DEFAULT_DPOP_ALGORITHMS } from './verify-dpop-proof.js';

/** A {@link BearerPolicy} checked and filled in with defaults. */
export interface CheckedBearerPolicy {
  readonly issuers: ReadonlyMap<string, TrustedIssuer>;
  readonly audience: readonly string[];
  readonly requiredScope: readonly string[];
  readonly algorithms: readonly string[];
  readonly toleranceSeconds: number;
  readonly jtiStore: NonceStore;
  readonly dpop: { readonly required: boolean; readonly nonces: DpopNonces | undefined; readonly iatWindowSeconds: number } | undefined;
}

// RFC 7518 §3.1: only asymmetric algorithms; a MAC would let anyone holding the "public" key sign.
const ASYMMETRIC = /^(?:ES(?:256|384|512)|PS(?:256|384|512)|RS(?:256|384|512)|EdDSA|Ed25519)$/;

/** Checks a bearer policy, naming the field at fault (`bearer.issuers[1].keys`). */
export function checkBearerPolicy(value: unknown, now: () => number, crypto: SignetCrypto): CheckedBearerPolicy {
  const policy = checkOptionsObject(value, 'bearer') as unknown as BearerPolicy;
  if (!Array.isArray(policy.issuers) || policy.issuers.length === 0) throw new SignetConfigError('bearer.issuers', 'must be a non-empty array');
  const issuers = new Map<string, TrustedIssuer>();
  policy.issuers.forEach((raw: unknown, i) => {
    const field = `bearer.issuers[${i}]`;
    const entry = checkOptionsObject(raw, field);
    const issuer = checkText(entry.issuer, `${field}.issuer`);
    if (issuers.has(issuer)) throw new SignetConfigError(`${field}.issuer`, 'is listed twice');
    // An authorization server given directly: its keys are asked for on each request, and RFC 9068 §4 typ applies.
    const isServer = entry.keys === undefined && typeof entry.jwks === 'function';
    const keys: JSONWebKeySet | JwksSource = isServer
      ? (entry as unknown as JwksSource)
      : typeof (entry.keys as JwksSource | undefined)?.jwks === 'function'
        ? (entry.keys as JwksSource)
        : toJwks(entry.keys, `${field}.keys`);
    const typ = isServer ? 'at+jwt' : entry.typ === undefined ? undefined : checkText(entry.typ, `${field}.typ`);
    const requiredScope = entry.requiredScope === undefined ? undefined : checkScopes(entry.requiredScope, `${field}.requiredScope`);
    if (entry.singleUse !== undefined && typeof entry.singleUse !== 'boolean') throw new SignetConfigError(`${field}.singleUse`, 'must be a boolean');
    issuers.set(issuer, { issuer, keys, typ, requiredScope, singleUse: entry.singleUse === true });
  });
  const audience = typeof policy.audience === 'string' ? [policy.audience] : policy.audience;
  if (!Array.isArray(audience) || audience.length === 0) throw new SignetConfigError('bearer.audience', 'must be a string or a non-empty array of strings');
  audience.forEach((a: unknown, i) => checkText(a, `bearer.audience[${i}]`));
  const algorithms = policy.algorithms ?? DEFAULT_DPOP_ALGORITHMS;
  if (!Array.isArray(algorithms) || algorithms.length === 0) throw new SignetConfigError('bearer.algorithms', 'must be a non-empty array');
  algorithms.forEach((alg: unknown, i) => {
    if (typeof alg !== 'string' || !ASYMMETRIC.test(alg)) throw new SignetConfigError(`bearer.algorithms[${i}]`, 'must be an asymmetric JWS algorithm (ES256, PS256, RS256, EdDSA, …)');
  });
  if (policy.nonceStore !== undefined && typeof policy.nonceStore?.claim !== 'function') throw new SignetConfigError('bearer.nonceStore', 'must be a NonceStore');
  const toleranceSeconds = policy.clockToleranceSeconds === undefined ? 30 : checkPositiveInteger(policy.clockToleranceSeconds, 'bearer.clockToleranceSeconds', { allowZero: true });
  return {
    issuers,
    audience,
    requiredScope: policy.requiredScope === undefined ? [] : checkScopes(policy.requiredScope, 'bearer.requiredScope'),
    algorithms,
    toleranceSeconds,
    jtiStore: policy.nonceStore ?? createMemoryNonceStore({ now }),
    dpop: checkDpop(policy.dpop, now, crypto),
  };
}

function checkDpop(value: BearerPolicy['dpop'], now: () => number, crypto: SignetCrypto): CheckedBearerPolicy['dpop'] {
  if (value === false) return undefined;
  const dpop = value === undefined ? {} : (checkOptionsObject(value, 'bearer.dpop') as Exclude<BearerPolicy['dpop'], false | undefined>);
  for (const flag of ['required', 'nonce'] as const) {
    if (dpop[flag] !== undefined && typeof dpop[flag] !== 'boolean') throw new SignetConfigError(`bearer.dpop.${flag}`, 'must be a boolean');
  }
  const rotateAfterSeconds = dpop.rotateNonceAfterSeconds === undefined ? undefined : checkPositiveInteger(dpop.rotateNonceAfterSeconds, 'bearer.dpop.rotateNonceAfterSeconds');
  return {
    required: dpop.required === true,
    nonces: dpop.nonce === true ? createDpopNonces(rotateAfterSeconds === undefined ? {} : { rotateAfterSeconds }, now, crypto) : undefined,
    iatWindowSeconds: dpop.iatWindowSeconds === undefined ? 60 : checkPositiveInteger(dpop.iatWindowSeconds, 'bearer.dpop.iatWindowSeconds'),
  };
}

// RFC 6749 §3.3 scope-tokens: no spaces, quotes or backslashes.
function checkScopes(value: unknown, field: string): string[] {
  const list = typeof value === 'string' ? value.split(' ').filter(Boolean) : value;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) {
    throw new SignetConfigError(field, 'must be scope tokens (a space-separated string or an array)');
  }
  return list;
}
