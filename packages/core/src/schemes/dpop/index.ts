// @signet/core/dpop: DPoP (RFC 9449) over any token source. This file only re-exports.
export { createDpopProof, type DpopProofInput } from './create-dpop-proof.js';
export { dpop, type DpopOptions } from './dpop.js';
export type { DpopAlgorithm, DpopKey } from './dpop-key.js';
