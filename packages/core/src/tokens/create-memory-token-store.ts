import type { StoredTokens, TokenSet } from './token-set.js';
import type { CompareAndSetResult, TokenStore } from './token-store.js';

/**
 * A {@link TokenStore} in this process's memory: the default. Pass one store to several
 * credentials to let them share tokens (with one refresher per credential, pass a lock too, or
 * better, share the credential).
 *
 * @example
 * ```ts
 * const store = createMemoryTokenStore();
 * const credential = bearer(clientCredentials({ … }), { store });
 * ```
 */
export function createMemoryTokenStore(): TokenStore {
  const records = new Map<string, StoredTokens>();
  return {
    name: 'memory',
    get: (key) => Promise.resolve(records.get(key)),
    compareAndSet(key: string, expectedGeneration: number, tokens: TokenSet | undefined): Promise<CompareAndSetResult> {
      const stored = records.get(key);
      if ((stored?.generation ?? 0) !== expectedGeneration) return Promise.resolve({ written: false, current: stored });
      if (tokens === undefined) {
        records.delete(key);
        return Promise.resolve({ written: true, current: undefined });
      }
      const current: StoredTokens = { generation: expectedGeneration + 1, tokens };
      records.set(key, current);
      return Promise.resolve({ written: true, current });
    },
  };
}
