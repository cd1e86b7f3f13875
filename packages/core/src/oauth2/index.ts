// @signet/core/oauth2: OAuth 2 grants as token sources for bearer(). This file only re-exports.
export { clientCredentials, type ClientCredentialsOptions } from './client-credentials.js';
export { refreshToken, type RefreshTokenOptions } from './refresh-token.js';
export { requestToken, type TokenRequest } from './request-token.js';
export { clientAuthentication, type ClientAuthentication, type ClientAuthMethod, type ClientOptions } from './client-authentication.js';
export { TokenEndpointError } from './token-endpoint-error.js';
