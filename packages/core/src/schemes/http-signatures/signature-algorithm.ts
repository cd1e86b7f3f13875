import { SignetConfigError } from '../../errors/config-error.js';

/** The algorithms of the HTTP Signature Algorithms registry (RFC 9421 §6.2) that Signet implements. */
export type HttpSignatureAlgorithm = 'hmac-sha256' | 'ed25519';

/** Every {@link HttpSignatureAlgorithm}, in the order error messages list them. */
export const HTTP_SIGNATURE_ALGORITHMS: readonly HttpSignatureAlgorithm[] = ['hmac-sha256', 'ed25519'];

/** Whether `value` names an algorithm Signet implements. */
export function isHttpSignatureAlgorithm(value: unknown): value is HttpSignatureAlgorithm {
  return typeof value === 'string' && (HTTP_SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** Checks an algorithm option; the message lists the supported ones. */
export function checkHttpSignatureAlgorithm(value: unknown, field: string): HttpSignatureAlgorithm {
  if (!isHttpSignatureAlgorithm(value)) throw new SignetConfigError(field, `must be one of ${HTTP_SIGNATURE_ALGORITHMS.map((a) => `'${a}'`).join(', ')}`);
  return value;
}
