import type { Dispatcher } from 'undici';

/**
 * Whether a dispatch's `controller.rawHeaders` is exactly what its parsed headers came from:
 * `'exact'` when the interceptor sits directly on a dispatcher (an Agent, Pool or Client parses
 * the server's list itself), `'unknown'` when other interceptors sit below it, which may change
 * the headers without changing the raw list.
 */
export type RawLists = 'exact' | 'unknown';

/**
 * What `compose()` passes the innermost interceptor is the dispatcher's own `dispatch`, bound to
 * it; every later interceptor gets undici's anonymous wrapper instead. Known by name, since undici
 * marks it no other way: should that change, the answer is `'unknown'`, which is always safe.
 */
export function rawListsBelow(dispatch: Dispatcher.Dispatch): RawLists {
  return dispatch.name === 'bound dispatch' ? 'exact' : 'unknown';
}
