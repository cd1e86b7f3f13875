// @signet/core/bearer: OAuth 2 Bearer tokens that refresh themselves. This file only re-exports.
export { bearer, toTokenSource, type BearerCredential, type BearerOptions } from './bearer.js';
export { createTokenCredential, type TokenCredential } from './create-token-credential.js';
export type { ProofOfPossession } from './proof-of-possession.js';
export { readBearerChallenge } from './read-bearer-challenge.js';
export { tokenFunctionSource, type TokenFunction, type TokenFunctionResult } from './token-function-source.js';
export { createTokenRefresher, type RefreshRetryOptions, type TokenRefresher, type TokenRefresherOptions } from '../../tokens/create-token-refresher.js';
export { createMemoryTokenStore } from '../../tokens/create-memory-token-store.js';
export type { AcquireOptions, LockLease, RefreshLock } from '../../tokens/refresh-lock.js';
export type { StoredTokens, TokenSet } from '../../tokens/token-set.js';
export type { TokenSource, TokenSourceContext } from '../../tokens/token-source.js';
export type { CompareAndSetResult, TokenStore } from '../../tokens/token-store.js';
export type { Sleep } from '../../send/sleep.js';
