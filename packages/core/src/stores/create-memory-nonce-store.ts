import { checkPositiveInteger } from '../options/check.js';
import type { NonceStore } from './nonce-store.js';

/** Options for {@link createMemoryNonceStore}. */
export interface MemoryNonceStoreOptions {
  /** The most live nonces held at once (default 100 000). Past it, new claims are refused. */
  maxEntries?: number;
  /** The time source for expiry, in milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * A bounded, in-process {@link NonceStore}. Entries leave when they expire (the signature's
 * tolerance window); when the bound is reached with live entries only, claims answer `'full'`
 * and the verifier refuses the request, because evicting a live nonce would reopen a replay.
 *
 * @example
 * ```ts
 * const nonces = createMemoryNonceStore({ maxEntries: 50_000 });
 * ```
 */
export function createMemoryNonceStore(options: MemoryNonceStoreOptions = {}): NonceStore {
  const maxEntries = options.maxEntries === undefined ? 100_000 : checkPositiveInteger(options.maxEntries, 'maxEntries');
  const now = options.now ?? Date.now;
  const entries = new Map<string, number>();

  // Runs only when the store is full, so a full scan is paid rarely; expiries are not in
  // insertion order (each follows its own signed timestamp), so stopping early would miss some.
  const purge = (at: number): void => {
    for (const [key, expiresAt] of entries) if (expiresAt <= at) entries.delete(key);
  };

  return {
    async claim(key, expiresAtMs) {
      const at = now();
      const held = entries.get(key);
      if (held !== undefined && held > at) return 'replayed';
      if (held !== undefined) entries.delete(key);
      if (entries.size >= maxEntries) purge(at);
      if (entries.size >= maxEntries) return 'full';
      entries.set(key, expiresAtMs);
      return 'claimed';
    },
  };
}
