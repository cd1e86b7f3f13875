import pRetry from 'p-retry';
import type { AuthContext } from '../credential/auth-context.js';
import { SignetCredentialError } from '../errors/credential-error.js';
import { SignetConfigError } from '../errors/config-error.js';
import { checkOptionalFunction, checkOptionsObject, checkPositiveInteger, checkText } from '../options/check.js';
import { classifyFailure } from './classify-failure.js';
import { createMemoryTokenStore } from './create-memory-token-store.js';
import { holdLease } from './hold-lease.js';
import type { LockLease, RefreshLock } from './refresh-lock.js';
import type { StoredTokens, TokenSet } from './token-set.js';
import type { TokenSource, TokenSourceContext } from './token-source.js';
import type { CompareAndSetResult, TokenStore } from './token-store.js';
import { raceAbort } from '../send/race-abort.js';
import { type Sleep, sleep as realSleep } from '../send/sleep.js';

/** Bounded retries of transient token failures (network, 5xx, 429). */
export interface RefreshRetryOptions {
  /** Retries after the first attempt (default 3). 0 disables retrying. */
  retries?: number;
  /** The first backoff delay (default 250 ms); it doubles per retry, with jitter. */
  minDelayMs?: number;
  /** The longest wait, also for a server's Retry-After (default 10 s). */
  maxDelayMs?: number;
}

/** Options for {@link createTokenRefresher}. Every one has a default that suits most services. */
export interface TokenRefresherOptions {
  /** Where tokens live (default: this refresher's own memory). */
  store?: TokenStore;
  /**
   * The store key (default: the source's, which names the endpoint and client but not the user).
   * Set it (a user or session id) whenever per-user sessions share a store, or they would share
   * one record: refreshers with the same store and key share tokens. Never a secret.
   */
  storeKey?: string;
  /** A lock shared with other refreshers on the same store (tabs, processes). Default none: in-process single-flight only. */
  lock?: RefreshLock;
  /** How long a held lock lasts if its holder dies (default 30 s). A renewable lock's live holder renews it every third of this. */
  lockTtlMs?: number;
  /**
   * How long to wait for another holder's refresh before reading the store again (default 15 s).
   * Then, with no fresh token there: a renewable lock (Redis) is waited for again, since its holder
   * is alive or its lease is about to run out; any other lock is given up and the refresh goes ahead.
   */
  lockWaitMs?: number;
  /**
   * Refresh in the background when the token expires within this long (default 60 s), while
   * callers go on using it. Capped at half the token's lifetime, so a short-lived token is not
   * refreshed on every request.
   */
  refreshAheadMs?: number;
  /**
   * Treat the token as expired this long before it does (default 10 s; capped at a tenth of the
   * lifetime): callers wait for a new one rather than send one that may expire on the way.
   */
  expiryMarginMs?: number;
  /** Bounded retries of transient failures (default 3 retries, 250 ms doubling, 10 s cap). */
  retry?: RefreshRetryOptions;
  /** Tokens you already have (after a sign-in): used while the store holds nothing newer. */
  initialTokens?: TokenSet;
  /**
   * Called with every token set this refresher obtains, before any caller can use it, to persist
   * a rotated refresh token. Awaited; if it throws, the tokens are still used (the server has
   * already rotated) and a `token.refresh.failed` event with reason `persist_failed` says so.
   */
  onTokens?: (tokens: TokenSet) => void | Promise<void>;
  /** How to wait between retries; tests inject one so nothing sleeps for real. */
  sleep?: Sleep;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

/**
 * One component for every token source: decides when to get a token and makes sure it happens
 * once, whoever asks.
 */
export interface TokenRefresher {
  readonly source: TokenSource;
  /** A usable token: the cached one, or a new one when it is missing or about to expire. */
  token(context: AuthContext): Promise<StoredTokens>;
  /**
   * The token `token()` would give without waiting, or `undefined` when a caller would have to
   * wait (no token yet, or past the must-refresh margin). Within the proactive window it starts
   * the background refresh, as `token()` does.
   */
  current(context: AuthContext): StoredTokens | undefined;
  /**
   * A resource refused the token of generation `rejectedGeneration`. If a newer token exists (the
   * refusal is a straggler's), that one is returned and nothing is refreshed; otherwise one
   * refresh, shared with every other caller.
   */
  replace(rejectedGeneration: number, context: AuthContext): Promise<StoredTokens>;
  /** Stores tokens you obtained yourself (a new sign-in); it also resumes an ended session. */
  set(tokens: TokenSet): Promise<StoredTokens>;
  /**
   * Drops the tokens (sign-out). The next request gets a new one from the source, if it can. This
   * process forgets them at once; if the store cannot be reached the promise rejects with its
   * error, and the store keeps them (for other processes, and for this one once the store is back)
   * until a `clear()` succeeds: retry it.
   */
  clear(): Promise<void>;
}

type Reason = 'missing' | 'expired' | 'proactive' | 'rejected';

// Thrown inside a refresh that set() or clear() overtook; its callers get afterSessionChange().
const SESSION_CHANGED = Symbol('session changed');

// A refresh run: the session it belongs to (once it has begun), whether it announced itself, and
// its attempts at the source so far (its own: a run of another session may overlap its end).
interface RunLabel {
  session: number | undefined;
  started: boolean;
  attempts: number;
}
type Acceptable = (record: StoredTokens, now: number) => boolean;

const DEFAULTS = { lockTtlMs: 30_000, lockWaitMs: 15_000, refreshAheadMs: 60_000, expiryMarginMs: 10_000, retries: 3, minDelayMs: 250, maxDelayMs: 10_000 };
// After a background refresh fails, callers keep using the still-valid token; this long passes
// before the next background attempt, so a failing endpoint is not called on every request.
const PROACTIVE_COOLDOWN_MS = 5_000;

/**
 * Creates the token refresher for `source`:
 * - a proactive window (refresh in the background while the token is still good) and a
 *   must-refresh window (callers wait);
 * - one in-flight refresh shared by all callers (a caller's abort cancels its wait, never the refresh);
 * - reactive refresh only when the refused token is still the current one ({@link TokenRefresher.replace});
 * - compare-and-swap writes to the store, a lock shared with other holders of the store, and a
 *   re-read of the store after the lock is acquired, so followers adopt the leader's token;
 * - transient failures retried with backoff and jitter through `p-retry`, bounded, Retry-After
 *   honoured; `invalid_grant`/`invalid_client` end the session with a typed error and an event,
 *   and a transient failure never does;
 * - lifecycle events with no token material.
 *
 * `bearer()` creates one for you; use this directly to build another token-based credential.
 */
export function createTokenRefresher(source: TokenSource, options: TokenRefresherOptions = {}): TokenRefresher {
  checkOptionsObject(options, 'options');
  const store = options.store ?? createMemoryTokenStore();
  checkStore(store);
  const { lock } = options;
  if (lock !== undefined && (typeof lock !== 'object' || lock === null || typeof lock.acquire !== 'function')) {
    throw new SignetConfigError('lock', 'must be a RefreshLock (an object with acquire(key, options))');
  }
  const lockTtlMs = positive(options.lockTtlMs, 'lockTtlMs', DEFAULTS.lockTtlMs);
  const lockWaitMs = positive(options.lockWaitMs, 'lockWaitMs', DEFAULTS.lockWaitMs, true);
  const refreshAheadMs = positive(options.refreshAheadMs, 'refreshAheadMs', DEFAULTS.refreshAheadMs, true);
  const expiryMarginMs = positive(options.expiryMarginMs, 'expiryMarginMs', DEFAULTS.expiryMarginMs, true);
  const retry = options.retry === undefined ? {} : checkOptionsObject(options.retry, 'retry');
  const retries = positive(retry.retries, 'retry.retries', DEFAULTS.retries, true);
  const minDelayMs = positive(retry.minDelayMs, 'retry.minDelayMs', DEFAULTS.minDelayMs, true);
  const maxDelayMs = positive(retry.maxDelayMs, 'retry.maxDelayMs', DEFAULTS.maxDelayMs, true);
  const onTokens = checkOptionalFunction(options.onTokens, 'onTokens');
  const wait = checkOptionalFunction(options.sleep, 'sleep') ?? realSleep;
  const random = checkOptionalFunction(options.random, 'random') ?? Math.random;
  const { name } = source;
  const key = options.storeKey === undefined ? source.key : checkText(options.storeKey, 'storeKey');

  let cached: StoredTokens | undefined;
  let initialTokens = options.initialTokens;
  let inflight: Promise<StoredTokens> | undefined;
  // The session (epoch) the refresh in flight runs in; undefined while it still waits for a sign-in
  // or sign-out under way, when any request may join it (it will run in the session that follows).
  let inflightRun: RunLabel = { session: undefined, started: false, attempts: 0 };
  let ended: SignetCredentialError | undefined;
  let proactivePausedUntil = 0;
  let degraded = false;
  // Set while this process holds tokens the store never received (a write failed while it was
  // unreachable): the access token of the record that write meant to replace. That record is
  // older than ours (its refresh token may be spent): never adopted, never refreshed from. Any
  // other record (another holder's, written after the store came back) is as good as ever.
  let staleInStore: { readonly accessToken: string | undefined } | undefined;
  // Bumped by set() and clear(): a refresh that started before a sign-in or sign-out is discarded.
  let epoch = 0;

  // How close to expiry a token may get: the configured windows, capped by its lifetime.
  function condition(record: StoredTokens, now: number): 'fresh' | 'stale' | 'expired' {
    const { expiresAt, obtainedAt } = record.tokens;
    if (expiresAt === undefined) return 'fresh';
    const lifetime = obtainedAt === undefined ? Number.POSITIVE_INFINITY : expiresAt - obtainedAt;
    if (now >= expiresAt - Math.min(expiryMarginMs, lifetime / 10)) return 'expired';
    if (now >= expiresAt - Math.min(refreshAheadMs, lifetime / 2)) return 'stale';
    return 'fresh';
  }
  const usable: Acceptable = (record, now) => condition(record, now) !== 'expired';
  const isStale = (record: StoredTokens): boolean =>
    staleInStore !== undefined && staleInStore.accessToken !== undefined && record.tokens.accessToken.reveal() === staleInStore.accessToken;

  function current(context: AuthContext): StoredTokens | undefined {
    const record = cached;
    if (record === undefined) return undefined;
    const now = context.clock.now();
    const state = condition(record, now);
    if (state === 'fresh') return record;
    if (state === 'stale') {
      refreshInBackground(context, now);
      return record;
    }
    return undefined;
  }

  function token(context: AuthContext): Promise<StoredTokens> {
    const record = current(context);
    if (record !== undefined) return Promise.resolve(record);
    return refresh(cached === undefined ? 'missing' : 'expired', usable, context);
  }

  function replace(rejectedGeneration: number, context: AuthContext): Promise<StoredTokens> {
    // Newer by generation and by value: a store that lost its data restarts generations, and a
    // token written back after an outage keeps its value under a new generation.
    const rejectedToken = cached?.generation === rejectedGeneration ? cached.tokens.accessToken.reveal() : undefined;
    const newer: Acceptable = (record, now) => record.generation !== rejectedGeneration && record.tokens.accessToken.reveal() !== rejectedToken && usable(record, now);
    // The stale 401: the request went out with an older token than the one we hold now.
    if (cached !== undefined && newer(cached, context.clock.now())) return Promise.resolve(cached);
    return refresh('rejected', newer, context);
  }

  function refreshInBackground(context: AuthContext, now: number): void {
    if (joinable() || now < proactivePausedUntil) return;
    refresh('proactive', (record, at) => condition(record, at) === 'fresh', context).catch(() => {
      // The token is still good; the failure was reported as an event. Try again a bit later.
      proactivePausedUntil = context.clock.now() + PROACTIVE_COOLDOWN_MS;
    });
  }

  function refresh(reason: Reason, acceptable: Acceptable, context: AuthContext): Promise<StoredTokens> {
    // Join the refresh under way only if it belongs to this session: one that a set() or clear()
    // overtook ends without a token of its own, and a request made after them starts afresh.
    if (joinable()) {
      context.emit({ type: 'token.refresh.coalesced', source: name });
      return raceAbort(inflight!, context.signal);
    }
    // The shared work runs without any caller's signal: one caller giving up must not cancel
    // the refresh the others are waiting for.
    const label: RunLabel = { session: undefined, started: false, attempts: 0 };
    const run = runRefresh(reason, acceptable, context, label)
      .catch((error: unknown) => {
        if (error !== SESSION_CHANGED) return Promise.reject(error);
        // A refresh that said it started says how it ended, also when a set() or clear() overtook it.
        if (label.started) context.emit({ type: 'token.refresh.abandoned', source: name });
        return afterSessionChange();
      })
      .finally(() => {
        if (inflight === run) inflight = undefined;
      });
    inflight = run;
    inflightRun = label;
    return raceAbort(run, context.signal);
  }

  // One refresh per session at a time: two would spend a rotating refresh token twice.
  function joinable(): boolean {
    return inflight !== undefined && (inflightRun.session === undefined || inflightRun.session === epoch);
  }

  async function runRefresh(reason: Reason, acceptable: Acceptable, context: AuthContext, label: RunLabel): Promise<StoredTokens> {
    // A sign-in or sign-out under way finishes first, so the store is read after it: a refresh
    // right after clear() must not find the signed-out tokens still there.
    while (pendingChanges > 0) await sessionChange;
    // A sign-in or sign-out (set(), clear()) from now on wins over whatever this refresh finds.
    const startedIn = epoch;
    label.session = startedIn;
    // Someone (another tab, process, or an earlier sign-in) may already have a good token.
    let record = await readStore(context, startedIn);
    assertSameSession(startedIn);
    if (ended !== undefined) {
      // Ended here; resumed only by new tokens in the store (a sign-in, here or elsewhere).
      if (record === undefined) throw ended;
      ended = undefined;
    }
    if (record !== undefined && !isStale(record) && acceptable(record, context.clock.now())) return adopt(record, context, false);

    let release: (() => Promise<void>) | undefined;
    try {
      if (lock !== undefined) {
        for (;;) {
          const outcome = await acquireLock(lock, context);
          if (typeof outcome === 'function') release = outcome;
          // Double-checked, also when the wait timed out: whoever held the lock has usually just
          // written a fresh token (and rotated the refresh token we read before waiting).
          record = await readStore(context, startedIn);
          assertSameSession(startedIn);
          if (record !== undefined && !isStale(record) && acceptable(record, context.clock.now())) return adopt(record, context, true);
          // Not ours after lockWaitMs, and the lock is renewable: its holder is alive and still
          // refreshing (or has just died, and its lease runs out within lockTtlMs). Refreshing
          // beside it would spend a rotating refresh token twice, so wait for the lock itself.
          // (lockWaitMs 0 says: never wait for another holder; that stands.)
          if (outcome !== 'timed_out' || !lock.renewable || lockWaitMs === 0) break;
        }
      }
      context.emit({ type: 'token.refresh.started', source: name, reason });
      label.started = true;
      let tokens: TokenSet;
      try {
        // A store that lost its data (Redis restarted empty), or holds a record older than ours,
        // must not send us back to a spent refresh token: what this process holds is newer.
        tokens = await getToken((record === undefined || isStale(record) ? (cached ?? record) : record)?.tokens, context, startedIn, label);
      } catch (error) {
        assertSameSession(startedIn);
        return await failed(error, record, context, startedIn, label.attempts);
      }
      assertSameSession(startedIn);
      return await write(record, tokens, context, startedIn);
    } finally {
      if (release !== undefined) await release().catch((error: unknown) => degrade(lock?.name ?? 'lock', error, context));
    }
  }

  async function getToken(current: TokenSet | undefined, context: AuthContext, startedIn: number, label: RunLabel): Promise<TokenSet> {
    const sourceContext: TokenSourceContext = { ...context, signal: undefined, attempt: 1 };
    return pRetry(() => source.getToken(current, sourceContext), {
      retries,
      // Delays are ours (Retry-After aware, injectable); p-retry counts, classifies and stops.
      minTimeout: 0,
      maxTimeout: 0,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        label.attempts = attemptNumber;
        const failure = classifyFailure(error);
        context.emit({ type: 'token.refresh.failed', source: name, transient: failure.kind === 'transient', attempt: attemptNumber, reason: failure.reason });
        if (failure.kind === 'transient' && retriesLeft > 0 && epoch === startedIn) await wait(delayFor(attemptNumber, failure.retryAfterMs), undefined);
      },
      // A set() or clear() since the refresh began: its token would not be kept, so stop.
      shouldRetry: ({ error }) => epoch === startedIn && classifyFailure(error).kind === 'transient',
    });
  }

  // Exponential backoff with "equal jitter": half fixed, half random, so retries spread out
  // without ever retrying at once; a server's Retry-After wins, capped at maxDelayMs.
  function delayFor(attempt: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxDelayMs);
    const base = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
    return Math.round(base / 2 + (random() * base) / 2);
  }

  async function failed(error: unknown, record: StoredTokens | undefined, context: AuthContext, startedIn: number, attempts: number): Promise<never | StoredTokens> {
    const failure = classifyFailure(error);
    if (failure.kind === 'session_ended') {
      // Never end a session on a stale failure: if someone wrote a newer token meanwhile (a
      // holder that did not share our lock), the refusal was for a token that is already gone.
      const now = await readStore(context, startedIn);
      assertSameSession(startedIn);
      if (now !== undefined && now.generation !== record?.generation) return adopt(now, context, true);
      await tryStore(() => store.compareAndSet(key, record?.generation ?? 0, undefined), context);
      // A clear() meanwhile also cleared the ended state: it stands.
      assertSameSession(startedIn);
      cached = undefined;
      initialTokens = undefined;
      ended = new SignetCredentialError(name, `the authorization server ended the session (${failure.reason}); sign in again`, error, 'session_ended');
      context.emit({ type: 'token.session.ended', source: name, reason: failure.reason });
      throw ended;
    }
    if (failure.kind === 'permanent') throw error;
    throw new SignetCredentialError(
      name,
      `could not get a token after ${attempts} attempt${attempts === 1 ? '' : 's'} (last failure: ${failure.reason}); the session goes on and the next request tries again`,
      error,
      'token_refresh_failed',
    );
  }

  async function write(record: StoredTokens | undefined, tokens: TokenSet, context: AuthContext, startedIn: number): Promise<StoredTokens> {
    const expected = record?.generation ?? 0;
    const rotated = tokens.refreshToken !== undefined && tokens.refreshToken.reveal() !== (record ?? cached)?.tokens.refreshToken?.reveal();
    const result = await tryStore(() => store.compareAndSet(key, expected, tokens), context);
    // A set() or clear() meanwhile: this process keeps nothing, and what was just written goes.
    await undoIfOvertaken(result, startedIn, context);
    if (result !== undefined && !result.written && result.current !== undefined) {
      // A newer token won the race (a holder without our lock): theirs stands, ours is dropped.
      staleInStore = undefined;
      return adopt(result.current, context, true);
    }
    // Written, or the store is unreachable: then this process goes on alone with its token, and
    // the record it meant to replace is stale from now on (until a write of ours lands).
    if (result === undefined) staleInStore ??= { accessToken: record?.tokens.accessToken.reveal() };
    else staleInStore = undefined;
    const current = result?.current ?? { generation: expected + 1, tokens };
    if (onTokens !== undefined) {
      try {
        await onTokens(tokens);
      } catch {
        context.emit({ type: 'token.refresh.failed', source: name, transient: false, attempt: 1, reason: 'persist_failed' });
      }
      // Persisting can take a while: a set() or clear() meanwhile wins here too.
      assertSameSession(startedIn);
    }
    cached = current;
    context.emit({ type: 'token.refresh.succeeded', source: name, rotated, adopted: false, expiresInMs: expiresIn(tokens, context) });
    return current;
  }

  function adopt(record: StoredTokens, context: AuthContext, announce: boolean): StoredTokens {
    cached = record;
    if (announce) context.emit({ type: 'token.refresh.succeeded', source: name, rotated: false, adopted: true, expiresInMs: expiresIn(record.tokens, context) });
    return record;
  }

  // Signed out (or in) while this refresh was under way: the caller's decision stands, and what
  // the refresh found or fetched is not kept (see afterSessionChange).
  function assertSameSession(startedIn: number): void {
    if (epoch !== startedIn) throw SESSION_CHANGED;
  }

  // What the callers of a refresh overtaken by set() or clear() get: after a sign-in, its tokens;
  // after a sign-out (or a sign-in that could not be stored), session_ended.
  async function afterSessionChange(): Promise<StoredTokens> {
    while (pendingChanges > 0) await sessionChange;
    if (signedInSession === epoch && cached !== undefined) return cached;
    throw new SignetCredentialError(name, 'the session was signed out or replaced while a token was being fetched', undefined, 'session_ended');
  }

  async function readStore(context: AuthContext, startedIn: number): Promise<StoredTokens | undefined> {
    let record = await tryStore(() => store.get(key), context, cached);
    if (record === undefined && initialTokens !== undefined) {
      const seeding = initialTokens;
      const seeded = await tryStore(() => store.compareAndSet(key, 0, seeding), context);
      await undoIfOvertaken(seeded, startedIn, context);
      record = seeded?.current ?? { generation: 1, tokens: seeding };
      initialTokens = undefined;
    }
    return record;
  }

  // After a write of a refresh's: if a set() or clear() came meanwhile, the record just written is
  // removed again (a clear() that read the store before it landed found nothing to delete), unless
  // something newer replaced it already; then the refresh ends (SESSION_CHANGED).
  async function undoIfOvertaken(result: CompareAndSetResult | undefined, startedIn: number, context: AuthContext): Promise<void> {
    if (epoch === startedIn) return;
    const written = result?.written ? result.current : undefined;
    if (written !== undefined) await tryStore(() => store.compareAndSet(key, written.generation, undefined), context);
    throw SESSION_CHANGED;
  }

  // The lock, held (the function that releases it, renewing it meanwhile when it can be renewed),
  // or why not: someone else held it for all of lockWaitMs, or the lock could not be reached.
  async function acquireLock(shared: RefreshLock, context: AuthContext): Promise<(() => Promise<void>) | 'timed_out' | 'unavailable'> {
    let lease: LockLease | undefined;
    try {
      lease = await shared.acquire(key, { ttlMs: lockTtlMs, waitMs: lockWaitMs });
      restore(shared.name, context);
    } catch (error) {
      degrade(shared.name, error, context);
      return 'unavailable';
    }
    if (lease === undefined) return 'timed_out';
    return holdLease(lease, lockTtlMs, (lost) => degrade(shared.name, 'expired' in lost ? 'lock_expired' : lost.error, context));
  }

  async function tryStore<T>(operation: () => Promise<T>, context: AuthContext, fallback?: T): Promise<T | undefined> {
    try {
      const result = await operation();
      restore(store.name, context);
      return result;
    } catch (error) {
      degrade(store.name, error, context);
      return fallback;
    }
  }

  // `cause`: the error, or a word for what happened (`lock_expired`).
  function degrade(what: string, cause: unknown, context: AuthContext): void {
    if (degraded) return;
    degraded = true;
    context.emit({ type: 'coordination.degraded', store: what, reason: cause instanceof Error ? cause.name : typeof cause === 'string' ? cause : 'error' });
  }
  function restore(what: string, context: AuthContext): void {
    if (!degraded) return;
    degraded = false;
    context.emit({ type: 'coordination.restored', store: what });
  }

  // set() and clear() run one at a time, in call order: a sign-out called while a sign-in is
  // still writing must not finish first and be undone by it.
  let sessionChange: Promise<unknown> = Promise.resolve();
  let pendingChanges = 0;
  // The session (epoch) that began with a set() that was stored: the callers of a refresh it
  // overtook get its tokens (afterSessionChange). A failed set() or a clear() leaves it behind.
  let signedInSession = 0;
  const settled = (): void => void pendingChanges--;
  // set() and clear() calls so far: a set() keeps its tokens only if it is still the latest call.
  let changes = 0;
  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    pendingChanges++;
    const run = sessionChange.then(change, change);
    sessionChange = run.then(settled, settled);
    return run;
  }

  // A sign-in begins a new session when it is stored, not when called: one that fails leaves the
  // session, and the refresh under way in it, as they were.
  function set(tokens: TokenSet): Promise<StoredTokens> {
    const call = ++changes;
    return oneAtATime(() => writeSession(tokens, call));
  }

  async function writeSession(tokens: TokenSet, call: number): Promise<StoredTokens> {
    for (;;) {
      const current = await store.get(key);
      const result = await store.compareAndSet(key, current?.generation ?? 0, tokens);
      if (result.written && result.current !== undefined) {
        // Kept here only if no clear() or set() was called since: a later one wins.
        if (call === changes) {
          epoch++;
          ended = undefined;
          cached = result.current;
          signedInSession = epoch;
        }
        return result.current;
      }
    }
  }

  // A sign-out begins a new session at once: this process forgets, even before an earlier set()
  // has finished writing, and every refresh under way is overtaken.
  function clear(): Promise<void> {
    changes++;
    epoch++;
    forget();
    return oneAtATime(clearSession);
  }

  function forget(): void {
    cached = undefined;
    initialTokens = undefined;
    staleInStore = undefined;
    // A sign-out also clears an ended session: the next request asks the source again.
    ended = undefined;
  }

  async function clearSession(): Promise<void> {
    // Forgotten here first (see clear()), so a sign-out holds in this process even when the store
    // cannot be reached: the promise then rejects, and the store, and every process reading it,
    // still has the tokens. Forgotten again after, in case a set() queued before it wrote them.
    forget();
    for (;;) {
      const current = await store.get(key);
      if (current === undefined) break;
      if ((await store.compareAndSet(key, current.generation, undefined)).written) break;
    }
    forget();
  }

  return { source, token, current, replace, set, clear };
}

function expiresIn(tokens: TokenSet, context: AuthContext): number | undefined {
  return tokens.expiresAt === undefined ? undefined : tokens.expiresAt - context.clock.now();
}

function positive(value: unknown, field: string, fallback: number, allowZero = false): number {
  return value === undefined ? fallback : checkPositiveInteger(value, field, { allowZero });
}

function checkStore(store: TokenStore): void {
  if (typeof store !== 'object' || store === null || typeof store.get !== 'function' || typeof store.compareAndSet !== 'function') {
    throw new SignetConfigError('store', 'must be a TokenStore (an object with get and compareAndSet)');
  }
}
