// @signet/verifier: check authenticated requests on the receiving side. Only re-exports.
export { createVerifier, type Verifier, type VerifierPolicy, type VerifyOptions } from './create-verifier.js';
export { createVerifierHandler, type RequestHandler, type VerifierResponseBody } from './create-verifier-handler.js';
export type { ApiKeyPolicy } from './schemes/api-key-policy.js';
export type { BasicPolicy } from './schemes/basic-policy.js';
export type { HmacPolicy } from './schemes/hmac-verifier.js';
export type { OAuth1Policy } from './schemes/oauth1-policy.js';
export type { HttpSignatureKey, HttpSignaturePolicy } from './http-signatures/index.js';
export {
  createSignedWebhookRequest,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  verifyWebhook,
  type ReceivedWebhook,
  type SignedWebhookRequestOptions,
  type VerifyWebhookOptions,
  type WebhookFailureReason,
  type WebhookHeadersInput,
  type WebhookPolicy,
  type WebhookVerification,
} from './webhooks/index.js';
export type { SecretList } from './schemes/secret-list.js';
export {
  certificateThumbprint,
  createAuthorizationServer,
  normalizeHtu,
  type AuthorizationServer,
  type AuthorizationServerClient,
  type AuthorizationServerCounters,
  type AuthorizationServerIssuer,
  type AuthorizationServerOptions,
  type AuthorizationServerRequestContext,
  type BearerIssuer,
  type BearerPolicy,
  type JwksSource,
  type OAuthErrorCode,
  type TokenEndpointFault,
  type TokenEndpointFaults,
} from './oauth2/index.js';
export type {
  VerificationFailure,
  VerificationFailureReason,
  VerificationResult,
  VerificationSuccess,
  VerifiedScheme,
} from './verification-result.js';
