// @signet/core/oauth1: OAuth 1.0a (RFC 5849), client side and the canonicalization the verifier
// shares. Only re-exports.
export { baseStringUri } from './base-string-uri.js';
export { buildBaseString, type OAuth1BaseStringParts } from './build-base-string.js';
export { collectParameters, isFormContentType, type OAuth1ParameterSources } from './collect-parameters.js';
export { getAccessToken, type GetAccessTokenOptions } from './get-access-token.js';
export { getAuthorizationUrl, type GetAuthorizationUrlOptions } from './get-authorization-url.js';
export { getRequestToken, type GetRequestTokenOptions, type OAuth1ClientOptions } from './get-request-token.js';
export { normalizeParameters } from './normalize-parameters.js';
export { oauthPercentDecode, oauthPercentEncode } from './oauth-percent-encode.js';
export { oauth1, type OAuth1Options } from './oauth1.js';
export { formatOAuth1Authorization, OAUTH1_SCHEME, parseOAuth1Authorization, type OAuth1Authorization } from './oauth1-authorization.js';
export { OAuth1TokenError, type OAuth1TokenStep } from './oauth1-token-error.js';
export { parseFormEncoded, type OAuth1Parameter } from './parse-form-encoded.js';
export type { OAuth1Fetch, OAuth1TokenCredentials } from './request-token-credentials.js';
export { rsaSigningKey, rsaVerifyingKey, type RsaHash, type RsaKey } from './rsa-key.js';
export { signBaseString, type OAuth1SigningKey } from './sign-base-string.js';
export { checkSignatureMethod, isRsaMethod, OAUTH1_SIGNATURE_METHODS, signingKey, type OAuth1SignatureMethod } from './signature-method.js';
