import type { Clock } from '../clock/clock.js';
import type { SignetCrypto } from '../crypto/signet-crypto.js';
import type { SignetEvent } from '../events/signet-event.js';

/**
 * Everything a scheme may depend on besides the request, passed in so that signing is
 * deterministic in tests: inject a fixed clock and nonce source and the output is fixed.
 */
export interface AuthContext {
  /** Server-corrected time. Sign with `clock.now()` at send time, never at enqueue time. */
  readonly clock: Clock;
  /** A fresh, unpredictable nonce (128 random bits, base64url) per call. */
  nonce(): string;
  /** Hashing and HMAC, the fastest implementation for this runtime. */
  readonly crypto: SignetCrypto;
  /** The caller's abort signal, if any: long signing work should honour it. */
  readonly signal: AbortSignal | undefined;
  /**
   * 1 while the request may still re-send for auth (the first send of each redirect hop), 2 for the
   * request's one re-send and for every send after it (a later redirect hop): a `'retry'` from
   * `onResponse` is then ignored, so a credential should not refresh or re-sign for one.
   */
  readonly attempt: number;
  /** Reports a lifecycle event. Never pass token material. */
  emit(event: SignetEvent): void;
}
