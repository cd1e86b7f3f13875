// @signet/core/hmac: Signet's HMAC-SHA256 request signing. Only re-exports.
export { canonicalPath } from './canonical-path.js';
export { canonicalQuery } from './canonical-query.js';
export { hmac, type HmacOptions } from './hmac.js';
export { formatHmacAuthorization, HMAC_SCHEME, parseHmacAuthorization, type HmacAuthorization } from './hmac-authorization.js';
export { percentDecode, percentEncode } from '../../percent-encoding.js';
export { buildStringToSign, type HmacSignedParts } from './string-to-sign.js';
