/** A decoded Basic credential. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// fatal: invalid UTF-8 is malformed, not replaced; ignoreBOM: a BOM is kept (and so fails to
// match), never silently stripped from the user-id.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes the token68 of `Authorization: Basic …` (RFC 7617 §2): canonical base64, strict UTF-8,
 * split at the first colon, both halves NFC-normalized (§2.1). Undefined when malformed.
 */
export function decodeBasic(token: string): BasicCredentials | undefined {
  if (token.length === 0 || token.length % 4 !== 0 || !BASE64.test(token)) return undefined;
  let text: string;
  try {
    const binary = atob(token);
    // Canonical base64 only (RFC 4648 §3.5): one credential, one encoding.
    if (btoa(binary) !== token) return undefined;
    text = utf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { username: text.slice(0, colon).normalize('NFC'), password: text.slice(colon + 1).normalize('NFC') };
}
