import type { Secret } from '@signet/core';

/** PEM text or DER/PEM bytes, as `node:tls` accepts them. */
export type TlsData = string | Uint8Array;

/** A client certificate with its private key, in PEM (a chain may follow the leaf in `cert`). */
export interface PemMaterial {
  /** The client certificate, optionally followed by its intermediates. */
  cert: TlsData;
  /** Its private key (PKCS#8, PKCS#1 or SEC1 PEM). Held only as long as loading takes. */
  key: TlsData | Secret;
  /** The key's passphrase, when the key is encrypted. */
  passphrase?: string | Secret;
  /** The CAs that sign the *server's* certificate (default: Node's bundled roots). */
  ca?: TlsData | readonly TlsData[];
}

/** A client certificate and key in one PKCS#12 (`.p12`/`.pfx`) file. */
export interface PfxMaterial {
  pfx: Uint8Array;
  /** The PKCS#12 password. */
  passphrase?: string | Secret;
  /** The CAs that sign the *server's* certificate (default: Node's bundled roots). */
  ca?: TlsData | readonly TlsData[];
}

/** What {@link mtls} presents: a certificate and key, as PEM or PKCS#12. */
export type MtlsMaterial = PemMaterial | PfxMaterial;

/**
 * Produces the material on demand: called once at creation and again on every `reload()`, so a
 * certificate renewed on disk or in a vault is picked up without a restart.
 */
export type MtlsLoader = () => MtlsMaterial | Promise<MtlsMaterial>;
