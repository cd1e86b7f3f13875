// @signet/core/http-signatures: RFC 9421 HTTP Message Signatures with RFC 9530 Content-Digest.
// Only re-exports.
export { httpSignature, type HttpSignatureEd25519Options, type HttpSignatureHmacOptions, type HttpSignatureOptions } from './http-signature.js';
export { checkComponents } from './check-components.js';
export { checkContentDigest, type ContentDigestCheck } from './check-content-digest.js';
export { checkHmacKey, MIN_HMAC_KEY_BYTES, type HmacKey } from './check-hmac-key.js';
export { DERIVED_COMPONENTS, isComponentName } from './component-name.js';
export { componentValue, type SignedRequestParts } from './component-value.js';
export { contentDigest } from './content-digest.js';
export { createSigner, type SignatureSigner } from './create-signer.js';
export { ed25519SigningKey, ed25519VerifyingKey, type Ed25519Jwk, type Ed25519Key } from './ed25519-key.js';
export { parseDictionary } from './parse-dictionary.js';
export {
  isStructuredFieldKey,
  isStructuredFieldString,
  serializeBareItem,
  serializeDictionary,
  serializeInnerList,
  serializeItem,
  serializeParameters,
} from './serialize-structured-field.js';
export { checkHttpSignatureAlgorithm, HTTP_SIGNATURE_ALGORITHMS, isHttpSignatureAlgorithm, type HttpSignatureAlgorithm } from './signature-algorithm.js';
export { signatureBase } from './signature-base.js';
export { readSignatureParams, signatureParamsList, type SignatureParams } from './signature-params.js';
export type { BareItem, SfDictionary, SfInnerList, SfItem, SfParameters } from './structured-field.js';
