import { createHash, X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';

/** The client certificate a TLS connection presented and the server verified against its CA. */
export interface ClientCertificate {
  /** The subject DN, one RDN per `, ` (`"CN=client-a, O=Signet"`). */
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  /** RFC 8705 §3.1 `x5t#S256`: base64url SHA-256 of the DER certificate. Bind tokens to this. */
  readonly thumbprint: string;
  /** The DER bytes, for RFC 8705 checks (`createVerifier().verify(request, { clientCertificate })`). */
  readonly der: Uint8Array;
}

/** Reads the verified client certificate from a socket; `undefined` when it presented none or it was not verified. */
export function clientCertificate(socket: TLSSocket): ClientCertificate | undefined {
  // `authorized` is only true after OpenSSL verified the chain against the server's `ca`.
  if (!socket.authorized) return undefined;
  const peer = socket.getPeerCertificate();
  if (peer === null || peer.raw === undefined) return undefined;
  const x509 = new X509Certificate(peer.raw);
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    serialNumber: x509.serialNumber,
    thumbprint: createHash('sha256').update(peer.raw).digest('base64url'),
    der: new Uint8Array(peer.raw),
  };
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** Why a connection's client certificate was not accepted (`refuse: 'status'` answers with it). */
export type ClientCertificateFailure = 'certificate_required' | 'certificate_expired' | 'unknown_ca' | 'certificate_invalid';

/** Classifies OpenSSL's verdict on the socket's certificate; `undefined` when it was verified. */
export function clientCertificateFailure(socket: TLSSocket): ClientCertificateFailure | undefined {
  if (socket.authorized) return undefined;
  const peer = socket.getPeerCertificate();
  if (peer === null || peer.raw === undefined) return 'certificate_required';
  const code = String(socket.authorizationError);
  // OpenSSL X509_V_ERR_* names as Node reports them.
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'certificate_expired';
  if (UNKNOWN_ISSUER.has(code)) return 'unknown_ca';
  return 'certificate_invalid';
}

const UNKNOWN_ISSUER = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);
