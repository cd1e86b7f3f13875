/** A minted JWT as `jwt()` keeps it: the header value and what decides when to mint again. */
export interface CachedJwt {
  /** `Bearer <jwt>`: the JWT is a bearer secret, so this never leaves the credential except in the header. */
  readonly header: string;
  /** `iat` (Unix seconds, server time). */
  readonly issuedAt: number;
  /** Server time (ms) from which the JWT is too close to `exp` to send. */
  readonly refreshAtMs: number;
  /** The clock's learned offset when it was minted: when that moves, `iat` was computed on a wrong clock. */
  readonly offsetMs: number;
}

/** One JWT per audience, and at most one mint in flight per audience. */
export interface JwtCache {
  get(audience: string): CachedJwt | undefined;
  /** Runs `make` unless a mint for `audience` is in flight (then shares it), and keeps the result. */
  mint(audience: string, make: () => Promise<CachedJwt>): Promise<CachedJwt>;
  /** Forgets the JWT for `audience` if it is still the one sent as `header`; a newer one is kept. */
  drop(audience: string, header: string): boolean;
}

/**
 * The cache behind `jwt()`. Bounded: audiences computed from requests could be unbounded, so past
 * `maxEntries` the oldest audience is forgotten (it is minted again when next needed).
 */
export function createJwtCache(maxEntries: number): JwtCache {
  const entries = new Map<string, CachedJwt>();
  const inFlight = new Map<string, Promise<CachedJwt>>();
  return {
    get: (audience) => entries.get(audience),
    mint(audience, make) {
      let pending = inFlight.get(audience);
      if (pending === undefined) {
        pending = make().then(
          (minted) => {
            inFlight.delete(audience);
            entries.delete(audience);
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
            entries.set(audience, minted);
            return minted;
          },
          (error: unknown) => {
            inFlight.delete(audience);
            throw error;
          },
        );
        inFlight.set(audience, pending);
      }
      return pending;
    },
    drop(audience, header) {
      if (entries.get(audience)?.header !== header) return false;
      return entries.delete(audience);
    },
  };
}
