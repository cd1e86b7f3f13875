// Fakes of the browser APIs the tabs store and lock use, with the semantics that matter:
// Web Locks (exclusive, FIFO, ifAvailable, signal, query, a closed tab releases its locks),
// BroadcastChannel (delivered to every other channel of the name, structured-cloned, in order,
// never to the sender, and holdable per tab to model a slow or frozen tab), timers by hand.
import type { BroadcastChannelLike, BrowserTimers, WebLocksLike } from '../../../src/tokens/browser/index.js';

interface Waiter {
  readonly client: string;
  readonly name: string;
  readonly ifAvailable: boolean;
  readonly callback: (lock: Lock | null) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  granted: boolean;
}

/** One Web Locks "origin" shared by fake tabs. */
export function fakeLockManager() {
  const held = new Map<string, Waiter>();
  const queue: Waiter[] = [];
  const grant = (waiter: Waiter) => {
    waiter.granted = true;
    held.set(waiter.name, waiter);
    Promise.resolve()
      .then(() => waiter.callback({ name: waiter.name, mode: 'exclusive' } as Lock))
      .then(
        (value) => {
          release(waiter);
          waiter.resolve(value);
        },
        (error: unknown) => {
          release(waiter);
          waiter.reject(error);
        },
      );
  };
  const release = (waiter: Waiter) => {
    if (held.get(waiter.name) !== waiter) return;
    held.delete(waiter.name);
    const next = queue.findIndex((candidate) => candidate.name === waiter.name);
    if (next >= 0) grant(queue.splice(next, 1)[0]!);
  };
  return {
    /** The `navigator.locks` of one tab. */
    client(client: string): WebLocksLike {
      return {
        request(name, options, callback) {
          return new Promise((resolve, reject) => {
            const waiter: Waiter = { client, name, ifAvailable: options.ifAvailable === true, callback, resolve, reject, granted: false } as Waiter;
            if (!held.has(name)) return grant(waiter);
            if (waiter.ifAvailable) {
              Promise.resolve().then(() => callback(null)).then(resolve, reject);
              return;
            }
            options.signal?.addEventListener('abort', () => {
              const index = queue.indexOf(waiter);
              if (index < 0) return;
              queue.splice(index, 1);
              reject(new DOMException('aborted', 'AbortError'));
            });
            queue.push(waiter);
          }) as never;
        },
        query: async () => ({ held: [...held.values()].map(({ name, client: clientId }) => ({ name, clientId, mode: 'exclusive' as const })), pending: [] }),
      };
    },
    /** The tab is closed: the browser releases its locks and drops its requests. */
    close(client: string) {
      for (const waiter of [...held.values()]) if (waiter.client === client) release(waiter);
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.client === client) queue.splice(i, 1);
    },
    holder: (name: string) => held.get(name)?.client,
  };
}

/** BroadcastChannels of one origin. */
export function fakeChannels() {
  const open = new Set<{ client: string; name: string; listeners: ((event: { data: unknown }) => void)[] }>();
  const heldFor = new Map<string, (() => void)[]>();
  return {
    channel(client: string, name = 'signet-tokens'): BroadcastChannelLike {
      const me = { client, name, listeners: [] as ((event: { data: unknown }) => void)[] };
      open.add(me);
      return {
        postMessage(message) {
          for (const other of open) {
            if (other === me || other.name !== name) continue;
            const data = structuredClone(message);
            const deliver = () => other.listeners.forEach((listener) => listener({ data }));
            const held = heldFor.get(other.client);
            if (held !== undefined) held.push(deliver);
            else setTimeout(deliver, 0);
          }
        },
        addEventListener: (_type, listener) => me.listeners.push(listener),
        close: () => open.delete(me),
      };
    },
    /** Messages to this tab wait (a busy or frozen tab) until `release`. */
    hold(client: string) {
      heldFor.set(client, []);
    },
    release(client: string) {
      const queued = heldFor.get(client) ?? [];
      heldFor.delete(client);
      queued.forEach((deliver) => deliver());
    },
    /** Everything any tab posted, for canary checks. */
    closeAll(client: string) {
      for (const channel of open) if (channel.client === client) open.delete(channel);
    },
  };
}

/** Timers moved by hand. */
export function manualTimers(): BrowserTimers & { advance(ms: number): void; readonly pending: number } {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = ++next;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) break;
        timers.delete(id);
        timer.callback();
      }
    },
    get pending() {
      return timers.size;
    },
  };
}

/** Lets queued macrotasks (channel deliveries) and microtasks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
