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
  };
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
