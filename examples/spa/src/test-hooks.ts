import type { Clock, SignetEvent } from '@signet/core';
import { createIndexedDbKeyStore } from '@signet/core/browser';
import { createApi } from './create-api.js';

/** What `window.__signet` offers the end-to-end test (and a curious developer in the console). */
export interface SignetTestHooks {
  /** Starts the API client; the tab that "signed in" passes the refresh token. */
  start(config: { refreshToken?: string; lockWaitMs?: number; lockTtlMs?: number }): void;
  /** Calls the API; the result (status and body) is also kept in `results` under `label`. */
  call(path: string, label: string): Promise<{ status: number; body: unknown }>;
  readonly results: Record<string, { status: number; body: unknown } | { error: string }>;
  /** Moves this tab's clock forward, so tokens expire without waiting. */
  advance(ms: number): void;
  readonly events: SignetEvent[];
  /** Loads or generates the DPoP key pair and says what the page can see of it. */
  dpopKey(id: string): Promise<{ privateExtractable: boolean; algorithm: string; publicX: string; exportPrivate: 'refused' | 'exported' }>;
}

/**
 * A clock the test moves. It ignores the server's Date header on purpose: the test moves the
 * server's clock and this one together, and the real Date header would pull this one back.
 */
function movableClock(): Clock & { advance(ms: number): void } {
  let advancedMs = 0;
  return {
    now: () => Date.now() + advancedMs,
    offsetMs: 0,
    observeServerTime: () => false,
    advance(ms) {
      advancedMs += ms;
    },
  };
}

export function installTestHooks(): SignetTestHooks {
  const clock = movableClock();
  const events: SignetEvent[] = [];
  const results: SignetTestHooks['results'] = {};
  let api: typeof fetch | undefined;
  const hooks: SignetTestHooks = {
    start(config) {
      api = createApi({ tokenEndpoint: `${location.origin}/token`, apiOrigin: location.origin, clock, onEvent: (event) => events.push(event), ...config });
    },
    async call(path, label) {
      if (api === undefined) throw new Error('call start() first');
      try {
        const response = await api(path, { headers: { 'x-tab': label } });
        const result = { status: response.status, body: await response.json() };
        results[label] = result;
        return result;
      } catch (error) {
        results[label] = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
        throw error;
      }
    },
    results,
    advance: (ms) => clock.advance(ms),
    events,
    async dpopKey(id) {
      const pair = await createIndexedDbKeyStore().loadOrGenerate(id);
      const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
      const exportPrivate = await crypto.subtle.exportKey('jwk', pair.privateKey).then(
        () => 'exported' as const,
        () => 'refused' as const,
      );
      return { privateExtractable: pair.privateKey.extractable, algorithm: `${(pair.privateKey.algorithm as EcKeyAlgorithm).name} ${(pair.privateKey.algorithm as EcKeyAlgorithm).namedCurve}`, publicX: jwk.x ?? '', exportPrivate };
    },
  };
  return hooks;
}
