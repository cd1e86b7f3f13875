/** What {@link readProofClaims} reads back from a proof. */
export interface ProofClaims {
  readonly nonce: string | undefined;
  /** Seconds since the epoch, as signed. */
  readonly iat: number | undefined;
}

/**
 * The `nonce` and `iat` of a DPoP proof we signed, read back from the request we sent, only when a
 * server refuses it (to tell a missing nonce or a skewed clock). Never used to trust anything:
 * the proof is our own.
 */
export function readProofClaims(proof: string | null): ProofClaims {
  const payload = proof?.split('.')[1];
  if (payload === undefined) return { nonce: undefined, iat: undefined };
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { nonce?: unknown; iat?: unknown };
    return { nonce: typeof json.nonce === 'string' ? json.nonce : undefined, iat: typeof json.iat === 'number' ? json.iat : undefined };
  } catch {
    return { nonce: undefined, iat: undefined };
  }
}
