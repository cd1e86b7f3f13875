/**
 * What a replay store says about a nonce it was asked to claim:
 * - `'claimed'`: first sighting; it is now held until its expiry;
 * - `'replayed'`: it was already held: the request is a replay;
 * - `'full'`: the store is at its bound with live entries and cannot vouch for this one, so the
 *   caller must refuse (fail closed) rather than accept a nonce it could not record.
 */
export type NonceClaim = 'claimed' | 'replayed' | 'full';

/**
 * Remembers nonces for as long as a signature carrying them could still be accepted, so a
 * captured request cannot be sent again. The verifier uses one; Redis provides another through
 * the same interface, so several verifier instances share what they have seen.
 */
export interface NonceStore {
  /**
   * Records `key` (a nonce, already namespaced by the caller, e.g. `keyId:nonce`) until
   * `expiresAtMs`. Must be atomic: of two concurrent claims of one key, exactly one is `'claimed'`.
   */
  claim(key: string, expiresAtMs: number): Promise<NonceClaim>;
}
