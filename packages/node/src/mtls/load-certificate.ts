import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContext, TLSSocket } from 'node:tls';
import { checkOptionsObject, Secret, SignetConfigError, SignetCredentialError } from '@signet/core';
import { certificateInfo, type CertificateInfo } from './certificate-info.js';
import type { MtlsMaterial, TlsData } from './mtls-material.js';

/** A checked certificate, ready for new connections. The key lives only inside the secure context. */
export interface LoadedCertificate {
  readonly secureContext: SecureContext;
  /** The same trust (`ca`) without the client certificate, for origins it must not be shown to. */
  readonly anonymousContext: SecureContext;
  readonly info: CertificateInfo;
  readonly notBeforeMs: number;
  readonly notAfterMs: number;
}

/**
 * Parses and checks client-certificate material: the certificate must parse, the key must open
 * (with its passphrase) and match the certificate, and `now` must fall inside its validity.
 * Throws `SignetCredentialError` (`certificate_invalid`, `certificate_expired`) so a bad
 * certificate fails here, before any request, rather than as a TLS alert from the server.
 */
export function loadCertificate(material: MtlsMaterial, now: number): LoadedCertificate {
  checkOptionsObject(material, 'mtls material');
  const passphrase = material.passphrase instanceof Secret ? material.passphrase.reveal() : material.passphrase;
  if (passphrase !== undefined && typeof passphrase !== 'string') throw new SignetConfigError('passphrase', 'must be a string or a Secret');
  const ca = checkCa(material.ca);
  const loaded = 'pfx' in material && material.pfx !== undefined ? loadPfx(material.pfx, passphrase, ca) : loadPem(material, passphrase, ca);
  checkValidity(loaded, now);
  return loaded;
}

/** Throws `certificate_expired` when `now` is outside the certificate's validity (RFC 5280 §4.1.2.5). */
export function checkValidity(loaded: LoadedCertificate, now: number): void {
  if (now > loaded.notAfterMs) {
    throw new SignetCredentialError('mtls', `the client certificate ${loaded.info.subject} expired at ${loaded.info.notAfter}`, undefined, 'certificate_expired');
  }
  if (now < loaded.notBeforeMs) {
    throw new SignetCredentialError('mtls', `the client certificate ${loaded.info.subject} is not valid before ${loaded.info.notBefore}`, undefined, 'certificate_expired');
  }
}

function loadPem(material: MtlsMaterial, passphrase: string | undefined, ca: (string | Buffer)[] | undefined): LoadedCertificate {
  const { cert, key } = material as { cert?: unknown; key?: unknown };
  if (!isTlsData(cert)) throw new SignetConfigError('cert', 'must be PEM text or bytes (or pass pfx instead)');
  const keyData = key instanceof Secret ? key.reveal() : key;
  if (!isTlsData(keyData)) throw new SignetConfigError('key', 'must be PEM text, bytes or a Secret');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (cause) {
    throw invalid('cert is not a PEM or DER X.509 certificate', cause);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: tlsBytes(keyData), passphrase });
  } catch (cause) {
    // OpenSSL's message says what failed (a bad passphrase, an unknown format) and holds no key bytes.
    throw invalid('key could not be read (wrong passphrase, or not a private key)', cause);
  }
  if (!x509.checkPrivateKey(privateKey)) throw invalid(`key does not match the certificate ${certificateInfo(x509).subject}`);
  return withContext(x509, ca, () => createSecureContext({ cert: tlsBytes(cert), key: tlsBytes(keyData), passphrase, ca }));
}

function loadPfx(pfx: unknown, passphrase: string | undefined, ca: (string | Buffer)[] | undefined): LoadedCertificate {
  if (!(pfx instanceof Uint8Array)) throw new SignetConfigError('pfx', 'must be the bytes of a PKCS#12 file');
  let secureContext: SecureContext;
  try {
    // OpenSSL checks the MAC (the password) and that the key matches the certificate here.
    secureContext = createSecureContext({ pfx: tlsBytes(pfx) as Buffer, passphrase, ca });
  } catch (cause) {
    throw invalid('pfx could not be opened (wrong passphrase, not PKCS#12, or a key that does not match)', cause);
  }
  // node:crypto has no PKCS#12 parser; an unconnected socket on the context shows its certificate.
  const socket = new TLSSocket(null as never, { secureContext });
  const raw = socket.getCertificate() as { raw?: Buffer } | null;
  socket.destroy();
  if (raw?.raw === undefined) throw invalid('pfx holds no certificate');
  const x509 = new X509Certificate(raw.raw);
  return withContext(x509, ca, () => secureContext);
}

function withContext(x509: X509Certificate, ca: (string | Buffer)[] | undefined, build: () => SecureContext): LoadedCertificate {
  let secureContext: SecureContext;
  let anonymousContext: SecureContext;
  try {
    secureContext = build();
    anonymousContext = createSecureContext({ ca });
  } catch (cause) {
    throw invalid('the certificate, key or ca could not be loaded into a TLS context', cause);
  }
  const info = certificateInfo(x509);
  return { secureContext, anonymousContext, info, notBeforeMs: Date.parse(info.notBefore), notAfterMs: Date.parse(info.notAfter) };
}

function checkCa(ca: unknown): (string | Buffer)[] | undefined {
  if (ca === undefined) return undefined;
  const list = Array.isArray(ca) ? (ca as unknown[]) : [ca];
  list.forEach((entry, i) => {
    if (!isTlsData(entry)) throw new SignetConfigError(Array.isArray(ca) ? `ca[${i}]` : 'ca', 'must be PEM text or bytes');
  });
  return (list as TlsData[]).map(tlsBytes);
}

// node:tls types want Buffers; a Buffer view shares the caller's bytes, no copy.
function tlsBytes(data: TlsData): string | Buffer {
  return typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function isTlsData(value: unknown): value is TlsData {
  return (typeof value === 'string' && value.length > 0) || (value instanceof Uint8Array && value.length > 0);
}

function invalid(message: string, cause?: unknown): SignetCredentialError {
  return new SignetCredentialError('mtls', message, cause, 'certificate_invalid');
}
