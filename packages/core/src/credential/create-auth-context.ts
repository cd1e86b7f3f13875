import { type Clock, createClock } from '../clock/clock.js';
import { platformCrypto } from '../crypto/platform-crypto.js';
import type { SignetCrypto } from '../crypto/signet-crypto.js';
import { syncDigestsOf } from '../crypto/sync-digests.js';
import { base64url } from '../encoding.js';
import type { EventListener } from '../events/signet-event.js';
import { checkOptionalFunction } from '../options/check.js';
import type { AuthContext } from './auth-context.js';

/** Options for {@link createAuthContext}; every one has a production default. */
export interface AuthContextOptions {
  /** Default: a new {@link createClock} on `Date.now`. */
  clock?: Clock;
  /** Default: 128 random bits, base64url. */
  nonce?: () => string;
  /** Default: the fastest implementation for this runtime. */
  crypto?: SignetCrypto;
  signal?: AbortSignal;
  /** Default 1. */
  attempt?: number;
  /** Receives events; a listener that throws is ignored, so it cannot fail a request. */
  onEvent?: EventListener;
}

// 128 random bits, base64url. From the platform's own pool where it has one (node:crypto): no
// byte array per nonce. A crypto the caller supplied is always asked for the bytes.
function defaultNonce(crypto: SignetCrypto): () => string {
  const sync = syncDigestsOf(crypto);
  // Checked by name too: an older copy of this package in the same process shares the symbol.
  if (typeof sync?.randomBase64url !== 'function') return () => base64url(crypto.randomBytes(16));
  return () => sync.randomBase64url(16);
}

/**
 * Builds an {@link AuthContext}. The send loop makes one per attempt; call it yourself to
 * authorize a request without sending it, or with a fixed clock and nonce to test a credential.
 *
 * @example
 * ```ts
 * const context = createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }), nonce: () => 'n-1' });
 * const signed = await credential.authorize(request, context);
 * ```
 */
export function createAuthContext(options: AuthContextOptions = {}): AuthContext {
  const crypto = options.crypto ?? platformCrypto;
  const listener = checkOptionalFunction(options.onEvent, 'onEvent');
  return {
    clock: options.clock ?? createClock(),
    nonce: checkOptionalFunction(options.nonce, 'nonce') ?? defaultNonce(crypto),
    crypto,
    signal: options.signal,
    attempt: options.attempt ?? 1,
    emit(event) {
      try {
        listener?.(event);
      } catch {
        // A listener's failure must not fail the request it is observing.
      }
    },
  };
}
