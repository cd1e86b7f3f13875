import { base64url, type SignetCrypto } from '@signet/core';

/**
 * The RFC 8705 §3.1 `x5t#S256` of a certificate: base64url (no padding) of the SHA-256 of its DER
 * bytes. Tokens bound to a client certificate carry it as `cnf["x5t#S256"]`.
 */
export async function certificateThumbprint(der: Uint8Array, crypto: SignetCrypto): Promise<string> {
  return base64url(await crypto.sha256(der));
}
