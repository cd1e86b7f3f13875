/** A client id and secret read from `Authorization: Basic`. */
export interface BasicClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes `client_secret_basic` credentials. RFC 6749 §2.3.1: the client id and secret are each
 * encoded with `application/x-www-form-urlencoded` (Appendix B) *before* being joined with `:` and
 * base64-encoded, so `+` means a space and `%3A` a colon inside either. Answers `undefined` for
 * anything that does not decode.
 */
export function decodeClientSecretBasic(value: string): BasicClientCredentials | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  let text: string;
  try {
    text = decoder.decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const clientId = formDecode(text.slice(0, colon));
  const clientSecret = formDecode(text.slice(colon + 1));
  if (clientId === undefined || clientSecret === undefined || clientId === '') return undefined;
  return { clientId, clientSecret };
}

function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
