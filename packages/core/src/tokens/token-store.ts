import type { StoredTokens, TokenSet } from './token-set.js';

/** The outcome of {@link TokenStore.compareAndSet}. */
export interface CompareAndSetResult {
  /** True when this write happened; false when the stored generation was not the expected one. */
  readonly written: boolean;
  /** What the store holds now: the record just written, or the newer one that won. */
  readonly current: StoredTokens | undefined;
}

/**
 * Where the token refresher keeps tokens: in memory (the default), shared by browser tabs, or in
 * Redis for a fleet (`@signet/redis`). One key per token source.
 *
 * Writes are compare-and-swap on the generation, so two writers racing never lose the newer
 * token: whoever read the older generation is refused and adopts the winner's.
 */
export interface TokenStore {
  /** A name for events (`memory`, `redis`). */
  readonly name: string;
  /** The current record for `key`, if any. */
  get(key: string): Promise<StoredTokens | undefined>;
  /**
   * Writes `tokens` as generation `expectedGeneration + 1`, but only if the stored generation is
   * still `expectedGeneration` (0 means "nothing stored"). `tokens: undefined` deletes the record
   * (the session ended), under the same condition.
   */
  compareAndSet(key: string, expectedGeneration: number, tokens: TokenSet | undefined): Promise<CompareAndSetResult>;
}
