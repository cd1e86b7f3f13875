/**
 * The part of the Web Locks API (`navigator.locks`) Signet uses. Structural, so tests can pass a
 * fake and browsers pass `navigator.locks` as it is.
 */
export interface WebLocksLike {
  request<T>(name: string, options: LockOptions, callback: (lock: Lock | null) => T | PromiseLike<T>): Promise<T>;
  query(): Promise<LockManagerSnapshot>;
}

/** `navigator.locks`, or `undefined` where Web Locks are missing (old browsers, insecure contexts, Node). */
export function defaultWebLocks(): WebLocksLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: WebLocksLike } }).navigator;
  return nav?.locks !== undefined && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}
