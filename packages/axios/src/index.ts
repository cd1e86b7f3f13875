// @signet/axios: attachAuth(instance, credential, options). This file only re-exports.
export { attachAuth, type AttachAuthOptions } from './attach-auth.js';
