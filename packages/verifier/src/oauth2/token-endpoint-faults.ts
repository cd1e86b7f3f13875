import { NO_STORE, oauthErrorResponse } from './oauth-error-response.js';

/**
 * A fault the mock token endpoint can be told to inject. Deterministic: faults fire on a count of
 * requests, and `fail_percent` draws from a seeded generator, never `Math.random`.
 */
export type TokenEndpointFault =
  /** 5xx (default 503), with a `Retry-After` in seconds when given. */
  | { readonly kind: 'server_error'; readonly status?: number; readonly retryAfterSeconds?: number }
  /** 429 Too Many Requests with `Retry-After` (RFC 6585 §4). */
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  /** Waits `ms` through the server's injected `sleep`, then answers normally. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** 200 with a body that is not JSON. */
  | { readonly kind: 'malformed_json' }
  /** A well-formed `invalid_grant` (400). */
  | { readonly kind: 'invalid_grant' }
  /** A well-formed `invalid_client` (401, with a Basic challenge). */
  | { readonly kind: 'invalid_client' }
  /** Fails about `percent` % of requests with `status` (default 503), chosen by a PRNG seeded with `seed`. */
  | { readonly kind: 'fail_percent'; readonly percent: number; readonly seed: number; readonly status?: number };

/** Test controls for the token endpoint's faults. */
export interface TokenEndpointFaults {
  /** Adds a fault for the next `times` token requests (default: until cleared). Faults apply in the order added. */
  inject(fault: TokenEndpointFault, options?: { times?: number }): void;
  /** Removes every fault. */
  clear(): void;
}

interface Armed {
  readonly fault: TokenEndpointFault;
  remaining: number;
  readonly random?: () => number;
}

/** The faults, plus what the token endpoint calls on each request. */
export interface FaultInjector extends TokenEndpointFaults {
  /** Applies the armed faults to one request: a response to answer with, or `undefined` to go on. */
  apply(sleep: (ms: number) => Promise<void>): Promise<Response | undefined>;
  /** How many requests a fault answered or delayed. */
  readonly injected: number;
}

/** Creates the fault switches of one authorization server. */
export function createFaultInjector(): FaultInjector {
  let armed: Armed[] = [];
  let injected = 0;
  return {
    inject(fault, { times = Number.POSITIVE_INFINITY } = {}) {
      if (!(times > 0)) throw new TypeError('faults.inject: times must be positive');
      if (fault.kind === 'fail_percent' && !(fault.percent >= 0 && fault.percent <= 100)) throw new TypeError('faults.inject: percent must be 0 to 100');
      armed.push(fault.kind === 'fail_percent' ? { fault, remaining: times, random: mulberry32(fault.seed) } : { fault, remaining: times });
    },
    clear() {
      armed = [];
    },
    get injected() {
      return injected;
    },
    async apply(sleep) {
      for (const entry of armed) {
        if (entry.remaining <= 0) continue;
        entry.remaining--;
        const { fault } = entry;
        if (fault.kind === 'delay') {
          injected++;
          await sleep(fault.ms);
          continue;
        }
        if (fault.kind === 'fail_percent' && entry.random!() * 100 >= fault.percent) continue;
        injected++;
        return respond(fault);
      }
      armed = armed.filter((entry) => entry.remaining > 0);
      return undefined;
    },
  };
}

function respond(fault: Exclude<TokenEndpointFault, { kind: 'delay' }>): Response {
  switch (fault.kind) {
    case 'server_error':
    case 'fail_percent': {
      const headers: Record<string, string> = { ...NO_STORE };
      if (fault.kind === 'server_error' && fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      return oauthErrorResponse('server_error', 'injected fault', { status: fault.status ?? 503, headers });
    }
    case 'rate_limited':
      return oauthErrorResponse('temporarily_unavailable', 'injected fault: too many requests', { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds) } });
    case 'malformed_json':
      return new Response('{"access_token": "trunc', { status: 200, headers: { 'content-type': 'application/json', ...NO_STORE } });
    case 'invalid_grant':
      return oauthErrorResponse('invalid_grant', 'injected fault');
    case 'invalid_client':
      return oauthErrorResponse('invalid_client', 'injected fault', { headers: { 'www-authenticate': 'Basic realm="signet", charset="UTF-8"' } });
  }
}

// mulberry32: a tiny seeded PRNG, so a chaos test fails the same requests on every run.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
