import { base64url, type SignetCrypto } from '@signet/core';

/** Server-provided DPoP nonces (RFC 9449 §8 and §9): one current value, rotated on a schedule. */
export interface DpopNonces {
  /** The nonce to send in `DPoP-Nonce` now (rotating it first if it is due). */
  current(): string;
  /** Whether a proof's `nonce` is acceptable: the current one or the one before it. */
  accepts(nonce: unknown): boolean;
  /** Replaces the current nonce now; the old one stays acceptable until the next rotation. */
  rotate(): void;
}

/** Options for {@link createDpopNonces}. */
export interface DpopNonceOptions {
  /** Rotate after this many seconds (default: never, only through `rotate()`). */
  rotateAfterSeconds?: number;
}

/**
 * Creates a nonce source. The previous nonce stays valid after a rotation so that a request
 * already in flight with it is not refused (RFC 9449 §8.2 leaves the window to the server).
 */
export function createDpopNonces(options: DpopNonceOptions, now: () => number, crypto: SignetCrypto): DpopNonces {
  const fresh = () => base64url(crypto.randomBytes(16));
  let current = fresh();
  let previous: string | undefined;
  let issuedAt = now();
  const rotate = () => {
    previous = current;
    current = fresh();
    issuedAt = now();
  };
  const due = () => {
    if (options.rotateAfterSeconds !== undefined && now() - issuedAt >= options.rotateAfterSeconds * 1000) rotate();
  };
  return {
    current() {
      due();
      return current;
    },
    accepts(nonce) {
      due();
      return typeof nonce === 'string' && (nonce === current || nonce === previous);
    },
    rotate,
  };
}
