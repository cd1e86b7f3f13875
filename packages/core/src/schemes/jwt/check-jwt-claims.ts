import { SignetConfigError } from '../../errors/config-error.js';

// Computed for every JWT (RFC 7519 §4.1): a fixed value would be wrong, stale or replayable.
const RESERVED = new Set(['iss', 'sub', 'aud', 'iat', 'exp', 'nbf', 'jti']);

/**
 * Checks a `claims` option: a plain object of JSON values whose names are not the registered
 * claims Signet computes. Returns a frozen copy, so a later change by the caller cannot alter
 * what is signed.
 */
export function checkJwtClaims(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new SignetConfigError(field, 'must be a plain object of claims');
  }
  for (const name of Object.keys(value)) {
    if (RESERVED.has(name)) throw new SignetConfigError(`${field}.${name}`, 'is computed by Signet for every JWT and cannot be set');
  }
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(value));
  } catch {
    throw new SignetConfigError(field, 'must be JSON-serializable (no cycles, no BigInt)');
  }
  return Object.freeze(copy as Record<string, unknown>);
}
