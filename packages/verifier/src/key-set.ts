import { type SignetCrypto, type Secret, timingSafeEqual, utf8 } from '@signet/core';

/**
 * Secrets, each owned by an identity, matched in constant time. Matching works on SHA-256
 * digests: a lookup compares the presented digest with every stored one without stopping early,
 * so timing tells neither which secret matched nor how long any secret is.
 */
export interface KeySet {
  /** The owner of `presented` among `candidates` (all owners when omitted), or undefined. */
  match(presented: string, candidates?: ReadonlySet<string>): Promise<string | undefined>;
}

/** Builds a {@link KeySet} from `owner → secrets` entries. Digests are computed once, on first use. */
export function createKeySet(entries: ReadonlyArray<readonly [owner: string, secret: Secret]>, crypto: SignetCrypto): KeySet {
  let digests: Promise<Array<{ owner: string; digest: Uint8Array }>> | undefined;
  const load = () =>
    (digests ??= Promise.all(entries.map(async ([owner, secret]) => ({ owner, digest: await crypto.sha256(utf8(secret.reveal())) }))));
  return {
    async match(presented, candidates) {
      const [all, digest] = await Promise.all([load(), crypto.sha256(utf8(presented))]);
      let found: string | undefined;
      for (const entry of all) {
        const equal = timingSafeEqual(entry.digest, digest);
        if (equal && found === undefined && (candidates === undefined || candidates.has(entry.owner))) found = entry.owner;
      }
      return found;
    },
  };
}
