import type { WebLocksLike } from './web-locks-like.js';

/** Who else is listening: the tabs (and workers) whose token store shares this channel. */
export interface TabPeers {
  /** Resolves once this tab is listed (its membership lock is held). */
  readonly joined: Promise<void>;
  /** The ids of the other live members, or `undefined` when membership cannot be known. */
  list(): Promise<ReadonlySet<string> | undefined>;
  /** Leaves (releases the membership lock). */
  leave(): void;
}

/**
 * Membership through Web Locks: each member holds a lock named `<prefix><id>` for as long as it
 * lives, and `navigator.locks.query()` lists the held ones. The browser releases the locks of a
 * closed or crashed tab, so the list never names a dead tab; that is what lets a writer wait for
 * every live tab to acknowledge a new token without waiting on the dead. Without Web Locks,
 * membership is unknown and `list()` resolves `undefined`.
 */
export function joinTabPeers(locks: WebLocksLike | undefined, prefix: string, id: string): TabPeers {
  if (locks === undefined) return { joined: Promise.resolve(), list: () => Promise.resolve(undefined), leave: () => undefined };
  let leave!: () => void;
  const left = new Promise<void>((resolve) => (leave = resolve));
  let joined!: () => void;
  const isJoined = new Promise<void>((resolve) => (joined = resolve));
  locks
    .request(`${prefix}${id}`, {}, () => {
      joined();
      return left;
    })
    .catch(() => joined());
  return {
    joined: isJoined,
    async list() {
      try {
        const snapshot = await locks.query();
        const ids = new Set<string>();
        for (const { name } of snapshot.held ?? []) if (name?.startsWith(prefix) && name !== `${prefix}${id}`) ids.add(name.slice(prefix.length));
        return ids;
      } catch {
        return undefined;
      }
    },
    leave,
  };
}
