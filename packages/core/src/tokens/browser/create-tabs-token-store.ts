import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkPositiveInteger, checkText } from '../../options/check.js';
import type { StoredTokens, TokenSet } from '../token-set.js';
import { tokenSetToJSON } from '../token-set-json.js';
import type { CompareAndSetResult, TokenStore } from '../token-store.js';
import { type BrowserTimers, globalTimers } from './browser-timers.js';
import { joinTabPeers } from './tab-peers.js';
import { fromWireEntry, isNewer, readTabsMessage, type TabEntry, type TabsMessage, type WireEntry } from './tabs-message.js';
import { defaultWebLocks, type WebLocksLike } from './web-locks-like.js';

/** The part of `BroadcastChannel` the store uses (tests pass a fake). */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Options for {@link createTabsTokenStore}. */
export interface TabsTokenStoreOptions {
  /**
   * Where tokens live besides memory. `memory` (default): only in open tabs, handed to new tabs
   * over the channel, gone when the last tab closes. `session`: also sessionStorage (survives a
   * reload of this tab). `local`: also localStorage (survives closing the browser). Storage is
   * readable by any script on the origin, so an XSS bug can take the refresh token with it and use
   * it later from elsewhere: see docs/browser.md before choosing it.
   */
  storage?: 'memory' | 'session' | 'local';
  /** The BroadcastChannel name, also the prefix of storage keys and membership locks (default `signet-tokens`). */
  channelName?: string;
  /** How long a write waits for every live tab to acknowledge it (default 2000 ms); a frozen tab does not hold it longer. */
  deliveryTimeoutMs?: number;
  /** Test seams: the channel (`null`: none), Web Locks (`null`: none), the storage area and timers. */
  channel?: BroadcastChannelLike | null;
  locks?: WebLocksLike | null;
  storageArea?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
  timers?: BrowserTimers;
}

/** A {@link TokenStore} shared by the tabs of this origin. */
export interface TabsTokenStore extends TokenStore {
  /** Resolves once this tab has the other tabs' tokens (or they did not answer in time). */
  readonly ready: Promise<void>;
  /** Stops listening and leaves (tests, or an app tearing down its client). */
  close(): void;
}

/**
 * A {@link TokenStore} for browser tabs: each tab holds the tokens in memory, and every write is
 * handed to the other tabs over a BroadcastChannel, so memory-only storage still works across
 * tabs. Writes are compare-and-swap on the generation within the tab; across tabs, the Web Lock
 * of `createTabsLock` keeps refreshes one at a time.
 *
 * The order that makes "re-read after the lock" work is guaranteed, not hoped for: a write
 * resolves only after every live tab (listed by its Web Lock, so a closed tab is never waited
 * for) has acknowledged it, or `deliveryTimeoutMs` passed. The refresher writes before it
 * releases the lock, so the next holder already has the token when it re-reads. A new tab asks
 * the others for their tokens before its first read (`ready`).
 *
 * Without BroadcastChannel the store is per tab; without Web Locks writes do not wait for
 * acknowledgements (tabs cannot be listed), so the hand-off is best effort.
 *
 * @example
 * ```ts
 * import { createTabsLock, createTabsTokenStore } from '@signet/core/browser';
 * const api = withAuth(fetch, bearer(refreshToken({ tokenEndpoint, clientId: 'spa' }), {
 *   store: createTabsTokenStore(),
 *   lock: createTabsLock(),
 * }), { origins: location.origin });
 * ```
 */
export function createTabsTokenStore(options: TabsTokenStoreOptions = {}): TabsTokenStore {
  checkOptionsObject(options, 'options');
  const storage = options.storage ?? 'memory';
  if (storage !== 'memory' && storage !== 'session' && storage !== 'local') throw new SignetConfigError('storage', "must be 'memory', 'session' or 'local'");
  const name = options.channelName === undefined ? 'signet-tokens' : checkText(options.channelName, 'channelName');
  const deliveryTimeoutMs = options.deliveryTimeoutMs === undefined ? 2000 : checkPositiveInteger(options.deliveryTimeoutMs, 'deliveryTimeoutMs');
  const timers = options.timers ?? globalTimers;
  const area = storage === 'memory' ? undefined : (options.storageArea ?? defaultStorage(storage));
  const channel = options.channel === undefined ? defaultChannel(name) : (options.channel ?? undefined);
  const locks = options.locks === undefined ? defaultWebLocks() : (options.locks ?? undefined);
  const self = randomId();
  const peers = joinTabPeers(locks, `${name}:tab:`, self);
  const entries = new Map<string, TabEntry>();
  // Stable objects per entry, so a reader sees the same record until it changes.
  const records = new WeakMap<TabEntry, StoredTokens>();
  const waiting = new Map<string, { acked: Set<string>; peers?: ReadonlySet<string>; finish: () => void }>();
  let lamport = 0;

  function apply(key: string, entry: TabEntry): void {
    lamport = Math.max(lamport, entry.version);
    if (!isNewer(entry, entries.get(key))) return;
    entries.set(key, entry);
    persist(key, entry);
  }

  function persist(key: string, entry: TabEntry): void {
    try {
      if (entry.tokens === undefined) area?.removeItem(`${name}:${key}`);
      else area?.setItem(`${name}:${key}`, JSON.stringify(toWire(entry)));
    } catch {
      // Storage full or disabled (private mode): the tokens still live in memory and in the other tabs.
    }
  }

  function post(message: TabsMessage): void {
    channel?.postMessage(message);
  }

  // Posts `message` and resolves when every peer has answered it (an ack or a state), or at the timeout.
  async function exchange(message: TabsMessage): Promise<void> {
    if (channel === undefined) return;
    // Listed before posting: a tab listed now created its channel before, so it gets the message.
    // A tab that joins later asks for everything itself (sync), and finds this write applied.
    const listed = await peers.list();
    if (listed === undefined || listed.size === 0) {
      post(message);
      return;
    }
    let timer: unknown;
    await new Promise<void>((finish) => {
      waiting.set(message.id, { acked: new Set(), peers: listed, finish });
      timer = timers.setTimeout(finish, deliveryTimeoutMs);
      post(message);
    });
    timers.clearTimeout(timer);
    waiting.delete(message.id);
  }

  function answered(id: string, from: string): void {
    const wait = waiting.get(id);
    if (wait === undefined) return;
    wait.acked.add(from);
    if (wait.peers !== undefined && [...wait.peers].every((peer) => wait.acked.has(peer))) wait.finish();
  }

  channel?.addEventListener('message', ({ data }) => {
    const message = readTabsMessage(data);
    if (message === undefined || message.from === self) return;
    switch (message.kind) {
      case 'record': {
        const entry = fromWireEntry(message.entry);
        if (entry !== undefined) apply(message.key, entry);
        // Acknowledged after it is applied: the writer's lock is released only after this.
        post({ kind: 'ack', id: message.id, from: self, to: message.from });
        return;
      }
      case 'sync':
        post({ kind: 'state', id: message.id, from: self, to: message.from, entries: [...entries].map(([key, entry]) => [key, toWire(entry)] as const) });
        return;
      case 'state':
        if (message.to !== self) return;
        if (Array.isArray(message.entries)) {
          for (const item of message.entries as unknown[]) {
            if (!Array.isArray(item) || typeof item[0] !== 'string') continue;
            const entry = fromWireEntry(item[1]);
            if (entry !== undefined) apply(item[0], entry);
          }
        }
        answered(message.id, message.from);
        return;
      case 'ack':
        if (message.to === self) answered(message.id, message.from);
        return;
    }
  });

  const ready = (async () => {
    hydrate();
    await peers.joined;
    await exchange({ kind: 'sync', id: randomId(), from: self });
  })();

  function hydrate(): void {
    if (area === undefined) return;
    const prefix = `${name}:`;
    try {
      for (let i = 0; i < area.length; i++) {
        const storageKey = area.key(i);
        if (storageKey === null || !storageKey.startsWith(prefix) || storageKey.startsWith(`${prefix}tab:`)) continue;
        const entry = fromWireEntry(JSON.parse(area.getItem(storageKey) ?? 'null'));
        if (entry !== undefined) apply(storageKey.slice(prefix.length), entry);
      }
    } catch {
      // Unreadable storage: start empty; the other tabs still answer the sync.
    }
  }

  function read(key: string): StoredTokens | undefined {
    const entry = entries.get(key);
    if (entry?.tokens === undefined) return undefined;
    let record = records.get(entry);
    if (record === undefined) {
      record = { generation: entry.generation, tokens: entry.tokens };
      records.set(entry, record);
    }
    return record;
  }

  return {
    name: 'tabs',
    ready,
    async get(key) {
      await ready;
      return read(key);
    },
    async compareAndSet(key: string, expectedGeneration: number, tokens: TokenSet | undefined): Promise<CompareAndSetResult> {
      await ready;
      const current = read(key);
      if ((current?.generation ?? 0) !== expectedGeneration) return { written: false, current };
      const entry: TabEntry = { generation: tokens === undefined ? 0 : expectedGeneration + 1, version: ++lamport, writer: self, tokens };
      apply(key, entry);
      await exchange({ kind: 'record', id: randomId(), from: self, key, entry: toWire(entry) });
      return { written: true, current: read(key) };
    },
    close() {
      peers.leave();
      channel?.close();
      for (const wait of waiting.values()) wait.finish();
    },
  };
}

function toWire(entry: TabEntry): WireEntry {
  return { generation: entry.generation, version: entry.version, writer: entry.writer, tokens: entry.tokens === undefined ? null : tokenSetToJSON(entry.tokens) };
}

function defaultChannel(name: string): BroadcastChannelLike | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
}

function defaultStorage(storage: 'session' | 'local'): Storage {
  const area = (globalThis as { sessionStorage?: Storage; localStorage?: Storage })[storage === 'session' ? 'sessionStorage' : 'localStorage'];
  if (area === undefined) throw new SignetConfigError('storage', `${storage}Storage is not available in this environment`);
  return area;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
