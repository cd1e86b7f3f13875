/**
 * Resolves after the current macrotask, once every queued microtask has run: the portable
 * `setImmediate` (browsers have none). A `setTimeout(0)` yields to the event loop; it waits for no
 * time to pass, and no test depends on how long it takes.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
