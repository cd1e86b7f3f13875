import { percentDecode, percentEncode } from '../../percent-encoding.js';

/**
 * Percent-encodes `text` per RFC 5849 §3.6: the RFC 3986 unreserved set, UTF-8, upper-case hex
 * (core's shared `percentEncode`, which the HMAC scheme uses too).
 *
 * @example
 * ```ts
 * oauthPercentEncode('Ladies + Gentlemen, a signed OAuth request!'); // 'Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21'
 * ```
 */
export const oauthPercentEncode: (text: string) => string = percentEncode;

/**
 * Decodes `%XX` escapes (RFC 5849 §3.6, reversed). `+` stays a plus: only form encoding reads it
 * as a space (see `parseFormEncoded`). A stray or invalid escape is kept literally, so the base
 * string of a malformed request is still defined (its `%` is then encoded as `%25`).
 */
export const oauthPercentDecode: (text: string) => string = percentDecode;
