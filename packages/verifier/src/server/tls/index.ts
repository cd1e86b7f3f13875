// The mTLS verifier server (Node). Only re-exports.
export { clientCertificate, clientCertificateFailure, type ClientCertificate, type ClientCertificateFailure } from './client-certificate.js';
export { startTlsVerifierServer, type TlsRequestHandler, type TlsVerifierServer, type TlsVerifierServerOptions } from './start-tls-verifier-server.js';
export { createTestPki, type TestIdentity, type TestPki } from './create-test-pki.js';
