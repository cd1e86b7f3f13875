/**
 * The `nonce` claim of a DPoP proof we signed (read back from the request we sent, only when a
 * server asks for a nonce), or `undefined` when it has none. Never used to trust anything: the
 * proof is our own.
 */
export function readProofNonce(proof: string | null): string | undefined {
  const payload = proof?.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const nonce = (json as { nonce?: unknown }).nonce;
    return typeof nonce === 'string' ? nonce : undefined;
  } catch {
    return undefined;
  }
}
