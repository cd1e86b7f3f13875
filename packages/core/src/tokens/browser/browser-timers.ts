/**
 * The two timer functions the browser store and lock use, injectable so tests control time
 * instead of sleeping. Defaults to the global ones.
 */
export interface BrowserTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global timers, bound (some browsers throw on an unbound `setTimeout`). */
export const globalTimers: BrowserTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
