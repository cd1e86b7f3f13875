import type { Clock, SignetEvent } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { createTabsLock, createTabsTokenStore } from '@signet/core/browser';
import { refreshToken } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';

/** What the app needs to call its API. */
export interface ApiOptions {
  /** The authorization server's token endpoint. */
  tokenEndpoint: string;
  /** The API's origin: the only origin that gets the token. */
  apiOrigin: string;
  /** The refresh token from sign-in. Only the tab that signed in has it; the others get tokens from it. */
  refreshToken?: string;
  /** Time as the app sees it (the test moves it forward instead of waiting). */
  clock?: Clock;
  lockWaitMs?: number;
  lockTtlMs?: number;
  onEvent?: (event: SignetEvent) => void;
}

/**
 * The whole integration: a fetch that carries a Bearer token, refreshed with a rotating refresh
 * token once for all open tabs (Web Locks), the tokens handed between tabs in memory
 * (BroadcastChannel), never written to storage.
 */
export function createApi(options: ApiOptions): typeof fetch {
  const credential = bearer(
    refreshToken({ tokenEndpoint: options.tokenEndpoint, clientId: 'spa', ...(options.refreshToken !== undefined && { refreshToken: options.refreshToken }) }),
    {
      store: createTabsTokenStore(),
      lock: createTabsLock(),
      ...(options.lockWaitMs !== undefined && { lockWaitMs: options.lockWaitMs }),
      ...(options.lockTtlMs !== undefined && { lockTtlMs: options.lockTtlMs }),
    },
  );
  return withAuth(fetch, credential, {
    origins: options.apiOrigin,
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.onEvent !== undefined && { onEvent: options.onEvent }),
  });
}
