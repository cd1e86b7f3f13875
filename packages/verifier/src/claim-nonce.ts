import type { NonceClaim, NonceStore } from '@signet/core';

/**
 * Claims a nonce, failing closed: a store that cannot be reached (Redis down) cannot vouch for
 * the nonce either, so its error counts as `'full'` and the request is refused with 503 rather
 * than accepted unrecorded or turned into a 500.
 */
export async function claimNonce(store: NonceStore, key: string, expiresAtMs: number): Promise<NonceClaim> {
  try {
    return await store.claim(key, expiresAtMs);
  } catch {
    return 'full';
  }
}
