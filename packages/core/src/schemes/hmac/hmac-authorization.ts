/** The parameters carried by `Authorization: HMAC-SHA256 …`. */
export interface HmacAuthorization {
  readonly keyId: string;
  /** Unix time in seconds, as signed. */
  readonly timestamp: number;
  readonly nonce: string;
  /** Lower-case names of the signed headers, in signing order. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex HMAC-SHA256. */
  readonly signature: string;
}

/** The auth-scheme word (RFC 9110 §11.1; compared case-insensitively). */
export const HMAC_SCHEME = 'HMAC-SHA256';

/**
 * Formats the header value:
 * `HMAC-SHA256 keyId="k1", timestamp="1700000000", nonce="…", headers="content-type;x-request-id", signature="…"`.
 */
export function formatHmacAuthorization(auth: HmacAuthorization): string {
  return hmacAuthorizationValue(auth.keyId, auth.timestamp, auth.nonce, auth.signedHeaders.join(';'), auth.signature);
}

/** {@link formatHmacAuthorization} with the parts as arguments and the header names already joined with `;`, for the signer. */
export function hmacAuthorizationValue(keyId: string, timestamp: number, nonce: string, signedNames: string, signature: string): string {
  // One join makes one flat string. A template makes a rope of a dozen pieces, which Headers
  // then flattens into a second copy of the value (about 0.5 kB per request between them).
  return [HMAC_SCHEME, ' keyId="', keyId, '", timestamp="', timestamp, '", nonce="', nonce, '", headers="', signedNames, '", signature="', signature, '"'].join('');
}

// auth-param = token BWS "=" BWS ( token / quoted-string ) (RFC 9110 §11.2). Our values never
// need escapes, so a quoted value with a backslash is refused rather than unescaped.
const PARAM = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"([^"\\]*)"|([!#$%&'*+.^_`|~0-9A-Za-z-]+))\s*(?:,|$)/;

/**
 * Parses the credentials after the `HMAC-SHA256` scheme word. Returns `undefined` when anything
 * is missing, repeated or malformed, including a timestamp that is not a plain decimal number
 * (so `NaN` can never slip through a tolerance check).
 */
export function parseHmacAuthorization(credentials: string): HmacAuthorization | undefined {
  const params = new Map<string, string>();
  let rest = credentials.trim();
  while (rest !== '') {
    const match = PARAM.exec(rest);
    if (match === null) return undefined;
    const name = match[1]!.toLowerCase();
    if (params.has(name)) return undefined;
    params.set(name, match[2] ?? match[3]!);
    rest = rest.slice(match[0].length);
  }
  const keyId = params.get('keyid');
  const timestamp = params.get('timestamp');
  const nonce = params.get('nonce');
  const headers = params.get('headers');
  const signature = params.get('signature');
  if (!keyId || !nonce || headers === undefined || !signature || !/^\d{1,12}$/.test(timestamp ?? '') || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  const signedHeaders = headers === '' ? [] : headers.split(';');
  if (signedHeaders.some((name) => !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))) return undefined;
  // A name listed twice is malformed (hmac() refuses such a list): it would only let a sender make
  // the verifier build a longer string to sign, before any signature is checked.
  if (new Set(signedHeaders).size !== signedHeaders.length) return undefined;
  return { keyId, timestamp: Number(timestamp), nonce, signedHeaders, signature };
}
