// @signet/fetch: a fetch that signs. This file only re-exports.
export { withAuth, type WithAuthOptions } from './with-auth.js';
