import { platformCrypto as implementation } from '#crypto';
import type { SignetCrypto } from './signet-crypto.js';

/**
 * The {@link SignetCrypto} for this runtime: `node:crypto` on Node (and Deno, Bun), Web Crypto
 * everywhere else. The choice is made by the package's `imports` map, not at run time.
 */
export const platformCrypto: SignetCrypto = implementation;
