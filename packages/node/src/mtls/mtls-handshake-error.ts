import { SignetCredentialError } from '@signet/core';

/** The TLS alerts (RFC 8446 §6.2) a server sends when it refuses a client certificate. */
export type TlsCertificateAlert =
  | 'certificate_required'
  | 'unknown_ca'
  | 'bad_certificate'
  | 'certificate_expired'
  | 'certificate_revoked'
  | 'unsupported_certificate'
  | 'certificate_unknown'
  | 'access_denied'
  | 'decrypt_error'
  | 'handshake_failure';

/**
 * The server refused the client certificate during the handshake: only the server can say its
 * CA does not trust the certificate, or that it wanted one and got none. `alert` names the TLS
 * alert; `code` is `certificate_expired` for that alert and `certificate_invalid` for the others.
 */
export class MtlsHandshakeError extends SignetCredentialError {
  readonly alert: TlsCertificateAlert;

  constructor(alert: TlsCertificateAlert, cause: unknown) {
    super('mtls', `the server refused the client certificate (TLS alert ${alert}): ${ALERT_MEANING[alert]}`, cause, alert === 'certificate_expired' ? 'certificate_expired' : 'certificate_invalid');
    this.alert = alert;
  }
}

const ALERT_MEANING: Record<TlsCertificateAlert, string> = {
  certificate_required: 'it requires a client certificate and none was sent',
  unknown_ca: 'it does not trust the CA that issued the certificate',
  bad_certificate: 'the certificate is corrupt or its signature did not verify',
  certificate_expired: 'the certificate has expired or is not yet valid',
  certificate_revoked: 'the certificate was revoked',
  unsupported_certificate: 'it does not accept this kind of certificate (check extendedKeyUsage clientAuth)',
  certificate_unknown: 'the certificate was unacceptable',
  access_denied: 'the certificate is valid but not allowed',
  decrypt_error: 'the handshake signature did not verify (does the key match?)',
  handshake_failure: 'no acceptable certificate or parameters',
};

// OpenSSL's error names as Node reports them: ERR_SSL_<version>_ALERT_<ALERT>.
const ALERT_CODE = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/;

/**
 * Finds why an mTLS request failed, in any client's error (fetch's `TypeError` cause, undici,
 * `node:https`, an `AxiosError`): Signet's own typed error if one is in the cause chain
 * (`certificate_expired` before connecting), else the server's TLS alert as an
 * {@link MtlsHandshakeError}; `undefined` when the failure is not about the certificate.
 *
 * @example
 * ```ts
 * try { await fetch(url, { dispatcher: client.dispatcher }); }
 * catch (error) { const why = mtlsError(error); if (why?.code === 'certificate_expired') … }
 * ```
 */
export function mtlsError(error: unknown): SignetCredentialError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof SignetCredentialError) return current;
    const code = (current as { code?: unknown }).code;
    const match = typeof code === 'string' ? ALERT_CODE.exec(code) : null;
    const alert = match?.[1]?.toLowerCase();
    if (alert !== undefined && alert in ALERT_MEANING) return new MtlsHandshakeError(alert as TlsCertificateAlert, current);
  }
  return undefined;
}
