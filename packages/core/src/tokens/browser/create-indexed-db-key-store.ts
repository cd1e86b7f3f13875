import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkText } from '../../options/check.js';

/** Options for {@link createIndexedDbKeyStore}. */
export interface IndexedDbKeyStoreOptions {
  /** The database name (default `signet-keys`). */
  databaseName?: string;
  /** The IndexedDB factory (default the global `indexedDB`); tests may pass another. */
  indexedDB?: IDBFactory;
  /** Web Crypto's `SubtleCrypto` (default `crypto.subtle`). */
  subtle?: SubtleCrypto;
}

/** Key pairs kept in IndexedDB, one per id (a DPoP key for each authorization server, say). */
export interface IndexedDbKeyStore {
  /** The stored pair for `id`, or `undefined`. */
  load(id: string): Promise<CryptoKeyPair | undefined>;
  /**
   * The stored pair for `id`, or a new ES256 (ECDSA P-256) pair whose private key is
   * non-extractable, stored first. Two tabs racing both get the same pair: the first one stored wins.
   */
  loadOrGenerate(id: string): Promise<CryptoKeyPair>;
  /** Forgets the pair (sign-out): tokens bound to it can no longer be used. */
  delete(id: string): Promise<void>;
}

const STORE = 'keys';

/**
 * A store for DPoP key pairs (RFC 9449) in IndexedDB. IndexedDB keeps a `CryptoKey` by structured
 * clone, which preserves `extractable: false`: the private key can sign in this origin but its
 * bytes can never be read, by the app or by an XSS payload, so a stolen token is useless elsewhere
 * (the attacker can still sign while their script runs in the page). The public key is always
 * extractable (Web Crypto), which is how the `jwk` header of a proof is built.
 *
 * @example
 * ```ts
 * import { createIndexedDbKeyStore } from '@signet/core/browser';
 * const keys = createIndexedDbKeyStore();
 * const keyPair = await keys.loadOrGenerate('https://auth.example.com');
 * keyPair.privateKey.extractable; // false
 * ```
 */
export function createIndexedDbKeyStore(options: IndexedDbKeyStoreOptions = {}): IndexedDbKeyStore {
  checkOptionsObject(options, 'options');
  const databaseName = options.databaseName === undefined ? 'signet-keys' : checkText(options.databaseName, 'databaseName');
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (factory === undefined) throw new SignetConfigError('indexedDB', 'IndexedDB is not available in this environment');
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (subtle === undefined) throw new SignetConfigError('subtle', 'Web Crypto is not available (a secure context, https or localhost, is required)');
  let database: Promise<IDBDatabase> | undefined;

  function open(): Promise<IDBDatabase> {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory!.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      database = undefined;
      throw error;
    });
    return database;
  }

  // One transaction; resolves with the last request's result once the transaction has committed.
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest, then?: (value: unknown, store: IDBObjectStore) => unknown): Promise<T> {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const store = transaction.objectStore(STORE);
      let result: unknown;
      const first = work(store);
      first.onsuccess = () => {
        result = first.result;
        // Chained inside the same transaction, so nothing else can write in between.
        then?.(first.result, store);
      };
      transaction.oncomplete = () => resolve(result as T);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  const load = async (id: string): Promise<CryptoKeyPair | undefined> => {
    const value = await run<unknown>('readonly', (store) => store.get(checkText(id, 'id')));
    return isKeyPair(value) ? value : undefined;
  };

  return {
    load,
    async loadOrGenerate(id) {
      checkText(id, 'id');
      const existing = await load(id);
      if (existing !== undefined) return existing;
      // Non-extractable from birth: the private key's bytes never exist outside the browser's crypto.
      const generated = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      // Read and write in one readwrite transaction: IndexedDB runs overlapping readwrite
      // transactions one at a time, so of two tabs racing, the second finds the first one's pair.
      let winner: CryptoKeyPair = generated;
      await run<unknown>(
        'readwrite',
        (store) => store.get(id),
        (value, store) => {
          if (isKeyPair(value)) {
            winner = value;
            return undefined;
          }
          return store.put(generated, id);
        },
      );
      return winner;
    },
    async delete(id) {
      await run<unknown>('readwrite', (store) => store.delete(checkText(id, 'id')));
    },
  };
}

function isKeyPair(value: unknown): value is CryptoKeyPair {
  return typeof value === 'object' && value !== null && 'privateKey' in value && 'publicKey' in value;
}
