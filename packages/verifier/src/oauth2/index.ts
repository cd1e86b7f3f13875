// The mock OAuth 2 authorization server and the Bearer/DPoP resource checks. Only re-exports.
export { createAuthorizationServer, type AuthorizationServer, type AuthorizationServerRequestContext } from './create-authorization-server.js';
export type { AuthorizationServerClient, AuthorizationServerOptions } from './authorization-server-options.js';
export type { AuthorizationServerCounters } from './authorization-server-counters.js';
export type { TokenEndpointFault, TokenEndpointFaults } from './token-endpoint-faults.js';
export type { OAuthErrorCode } from './oauth-error-response.js';
export type { AuthorizationServerIssuer, BearerIssuer, BearerPolicy, JwksSource } from './bearer-policy.js';
export { certificateThumbprint } from './certificate-thumbprint.js';
export { normalizeHtu } from './normalize-htu.js';
