import { createHash, type X509Certificate } from 'node:crypto';

/** The public facts of a loaded client certificate: safe to log, nothing secret. */
export interface CertificateInfo {
  /** The subject DN, one RDN per `, ` (`"CN=client-a, O=Signet"`). */
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601. */
  readonly notBefore: string;
  /** ISO 8601. */
  readonly notAfter: string;
  /** RFC 8705 §3.1 `x5t#S256`: base64url SHA-256 of the DER certificate, as bound into access tokens. */
  readonly thumbprint: string;
}

/** Reads {@link CertificateInfo} from a parsed certificate. */
export function certificateInfo(x509: X509Certificate): CertificateInfo {
  return {
    subject: formatName(x509.subject),
    issuer: formatName(x509.issuer),
    // validFrom/validTo are OpenSSL's "Jan  1 00:00:00 2020 GMT", which Date.parse reads.
    notBefore: new Date(Date.parse(x509.validFrom)).toISOString(),
    notAfter: new Date(Date.parse(x509.validTo)).toISOString(),
    thumbprint: x5tS256(x509.raw),
  };
}

/** RFC 8705 §3.1: the base64url-encoded SHA-256 of the DER certificate (not of the PEM text). */
export function x5tS256(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64url');
}

// Node prints one RDN per line; events and logs want one line.
function formatName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
