// @signet/node: this file only re-exports.
export { authorizeRequests, type AuthorizedRequest, type AuthorizeRequestsOptions, type NodeRequestInit } from './authorize-requests.js';
export type { NodeBody } from './node-body.js';
export type { NodeHeaders } from './node-headers.js';
export { authInterceptor, type AuthInterceptorOptions } from './auth-interceptor.js';
