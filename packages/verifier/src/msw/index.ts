// @signet/verifier/msw: the verifier as msw handlers, for unit tests. Only re-exports.
export { verifierHandlers, type VerifierHandlersOptions } from './verifier-handlers.js';
