// @signet/core: the credential contract, the send loop, policies, secrets, errors and the
// API key and Basic schemes. This file only re-exports.
export { createClock, type Clock, type ClockOptions } from './clock/clock.js';
export { readSkewChallenge, resignAfterSkew } from './clock/skew-challenge.js';
export { platformCrypto } from './crypto/platform-crypto.js';
export type { DigestEncoding, HashInput, SignetCrypto } from './crypto/signet-crypto.js';
export { timingSafeEqual } from './crypto/timing-safe-equal.js';
export type { AuthContext } from './credential/auth-context.js';
export { combine } from './credential/combine.js';
export { createAuthContext, type AuthContextOptions } from './credential/create-auth-context.js';
export type { AuthResponse, Credential, ResponseVerdict } from './credential/credential.js';
export { withHeader, withHeaders, withQueryParam, type SignableRequest } from './credential/signable-request.js';
export { SigningHeaders } from './credential/signing-headers.js';
export { base64, base64url, hex, utf8 } from './encoding.js';
export { SignetConfigError } from './errors/config-error.js';
export { SignetCredentialError, type SignetCredentialErrorCode } from './errors/credential-error.js';
export { SignetRequestError, type SignetRequestErrorCode } from './errors/request-error.js';
export { SignetError, type SignetErrorCode, type SignetErrorOptions } from './errors/signet-error.js';
export type { EventListener, SignetEvent } from './events/signet-event.js';
export { checkOptionsObject, checkPositiveInteger, checkSecretText, checkText, checkToken } from './options/check.js';
export { createOriginPolicy, isLoopback, type OriginPolicy, type OriginPolicyOptions } from './policy/origin-policy.js';
export { bodyTooLarge, readBounded } from './policy/read-bounded.js';
export { apiKey, type ApiKeyOptions } from './schemes/api-key/index.js';
export { basic, type BasicOptions } from './schemes/basic/index.js';
export { redactRequest, redactUrl, type RedactedRequest } from './secret/redact-request.js';
export { createMemoryNonceStore, type MemoryNonceStoreOptions } from './stores/create-memory-nonce-store.js';
export type { NonceClaim, NonceStore } from './stores/nonce-store.js';
export { Redacted } from './secret/redacted.js';
export { REDACTED, Secret, secret } from './secret/secret.js';
export { type Cancellation, cancellationOf } from './send/cancellation.js';
export { createSendLoop, type SendLoop, type SendLoopOptions, type SendOptions } from './send/create-send-loop.js';
export { parseRetryAfter } from './send/parse-retry-after.js';
export { createRetryPolicy, type RetryOptions, type RetryPolicy } from './send/retry-policy.js';
export { sleep, type Sleep } from './send/sleep.js';
export { parseChallenges, type Challenge } from './http/parse-challenges.js';
export type { CompareAndSetResult, TokenStore } from './tokens/token-store.js';
export type { AcquireOptions, LockLease, RefreshLock } from './tokens/refresh-lock.js';
export type { StoredTokens, TokenSet } from './tokens/token-set.js';
export { tokenSetFromJSON, tokenSetToJSON, type TokenSetJSON } from './tokens/token-set-json.js';
export type { TokenSource, TokenSourceContext } from './tokens/token-source.js';
export {
  isTransportBody,
  type BufferedBody,
  type OutgoingBody,
  type OutgoingRequest,
  type Transport,
  type TransportBody,
  type TransportResponse,
} from './send/transport.js';
