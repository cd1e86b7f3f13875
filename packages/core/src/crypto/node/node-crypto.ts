// Node-only: compiled on its own with Node types (tsconfig.node.json) and chosen by the `node`
// condition of this package's `#crypto` import. Nothing else in Signet imports `node:` modules.
import { createHash, createHmac, randomFillSync } from 'node:crypto';
import type { SignetCrypto } from '../signet-crypto.js';

/** {@link SignetCrypto} on `node:crypto`: synchronous underneath, so no thread-pool round trip. */
export const platformCrypto: SignetCrypto = {
  sha256(data) {
    return Promise.resolve(new Uint8Array(createHash('sha256').update(data).digest()));
  },
  hmacSha256(key, data) {
    return Promise.resolve(new Uint8Array(createHmac('sha256', key).update(data).digest()));
  },
  randomBytes(length) {
    return randomFillSync(new Uint8Array(length));
  },
};
