// @signet/verifier/server: the verifier as a real HTTP server on loopback (Node). Only re-exports.
export { startVerifierServer, type VerifierServer, type VerifierServerContext, type VerifierServerOptions } from './start-verifier-server.js';
export { clientCertificate, clientCertificateFailure, startTlsVerifierServer, type ClientCertificate, type ClientCertificateFailure, type TlsRequestHandler, type TlsVerifierServer, type TlsVerifierServerOptions } from './tls/index.js';
export { createTestPki, type TestIdentity, type TestPki } from './tls/index.js';
