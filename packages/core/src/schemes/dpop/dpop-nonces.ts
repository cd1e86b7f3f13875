import type { AuthResponse } from '../../credential/credential.js';

// RFC 9449 §8.1: nonce = 1*NQCHAR, NQCHAR = %x21 / %x23-5B / %x5D-7E.
const NONCE = /^[\x21\x23-\x5b\x5d-\x7e]{1,512}$/;

/**
 * The servers' DPoP nonces, one per origin (an authorization server and a resource server each
 * keep their own, RFC 9449 §8 and §9).
 */
export interface DpopNonces {
  /** The latest nonce from `url`'s origin, if any. */
  get(url: URL): string | undefined;
  /** Keeps a `DPoP-Nonce` from `response`; true when it is new for that origin. */
  learn(response: AuthResponse, url: URL): boolean;
}

/** Creates an empty nonce book. */
export function createDpopNonces(): DpopNonces {
  const byOrigin = new Map<string, string>();
  return {
    get: (url) => byOrigin.get(url.origin),
    learn(response, url) {
      const nonce = response.headers.get('dpop-nonce');
      if (nonce === null || !NONCE.test(nonce) || byOrigin.get(url.origin) === nonce) return false;
      byOrigin.set(url.origin, nonce);
      return true;
    },
  };
}
