// The RFC 9421 HTTP Message Signatures verifier. Only re-exports.
export { httpSignatureVerifier } from './http-signature-verifier.js';
export { compileHttpSignaturePolicy, type CompiledHttpSignaturePolicy, type CompiledKey, type HttpSignatureKey, type HttpSignaturePolicy } from './http-signature-policy.js';
export { createSignatureCheck, type SignatureCheck } from './create-signature-check.js';
export { selectSignature, type SelectedSignature } from './select-signature.js';
