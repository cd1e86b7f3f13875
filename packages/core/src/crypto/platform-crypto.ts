import { platformCrypto as implementation, platformSyncDigests as syncImplementation } from '#crypto';
import type { SignetCrypto, SyncDigests } from './signet-crypto.js';

/**
 * The {@link SignetCrypto} for this runtime: `node:crypto` on Node (and Deno, Bun), Web Crypto
 * everywhere else. The choice is made by the package's `imports` map, not at run time.
 */
export const platformCrypto: SignetCrypto = implementation;

/**
 * The synchronous digests behind `crypto`, when `crypto` is this runtime's own and it has them
 * (`node:crypto`); otherwise `undefined`, and the caller awaits `crypto`'s own methods. A crypto
 * the caller supplied, even a copy of {@link platformCrypto} with one method replaced, is never
 * bypassed.
 */
export function syncDigestsOf(crypto: SignetCrypto): SyncDigests | undefined {
  return crypto === implementation ? syncImplementation : undefined;
}
