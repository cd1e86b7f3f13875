// @signet/node mTLS: client certificates as a credential, with rotation. Only re-exports.
export { certificateFiles, type CertificateFilesOptions } from './certificate-files.js';
export { x5tS256, type CertificateInfo } from './certificate-info.js';
export { mtls, type MtlsCommonOptions, type MtlsCredential, type MtlsOptions } from './mtls.js';
export { mtlsError, MtlsHandshakeError, type TlsCertificateAlert } from './mtls-handshake-error.js';
export type { MtlsLoader, MtlsMaterial, PemMaterial, PfxMaterial, TlsData } from './mtls-material.js';
