// @signet/node: this file only re-exports.
export { authorizeRequests, type AuthorizedRequest, type AuthorizeRequestsOptions, type NodeRequestInit } from './authorize-requests.js';
export type { NodeBody } from './node-body.js';
export type { NodeHeaders } from './node-headers.js';
export { authInterceptor, type AuthInterceptorOptions } from './auth-interceptor.js';
export {
  certificateFiles,
  mtls,
  mtlsError,
  MtlsHandshakeError,
  x5tS256,
  type CertificateFilesOptions,
  type CertificateInfo,
  type MtlsCommonOptions,
  type MtlsCredential,
  type MtlsLoader,
  type MtlsMaterial,
  type MtlsOptions,
  type PemMaterial,
  type PfxMaterial,
  type TlsCertificateAlert,
  type TlsData,
} from './mtls/index.js';
