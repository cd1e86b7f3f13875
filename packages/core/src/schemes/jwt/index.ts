// @signet/core/jwt: self-signed JWT bearer credentials and RFC 7523 client assertions. Only re-exports.
export { CLIENT_ASSERTION_TYPE, createClientAssertion, type ClientAssertionOptions, type ClientAssertionParams } from './create-client-assertion.js';
export { JWT_ALGORITHMS, type JwtAlgorithm } from './jwt-algorithm.js';
export type { JwtKey } from './jwt-signing-key.js';
export { jwt, type JwtOptions } from './jwt.js';
