// @signet/core/browser: token storage and refresh coordination across browser tabs, and DPoP keys
// in IndexedDB. Universal code (no DOM access at import time). This file only re-exports.
export { createTabsLock, type TabsLockOptions } from './create-tabs-lock.js';
export { createInTabLock } from './create-in-tab-lock.js';
export { createTabsTokenStore, type BroadcastChannelLike, type TabsTokenStore, type TabsTokenStoreOptions } from './create-tabs-token-store.js';
export { createIndexedDbKeyStore, type IndexedDbKeyStore, type IndexedDbKeyStoreOptions } from './create-indexed-db-key-store.js';
export type { BrowserTimers } from './browser-timers.js';
export type { WebLocksLike } from './web-locks-like.js';
