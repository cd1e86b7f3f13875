import { readFile } from 'node:fs/promises';
import { Secret } from '@signet/core';
import type { MtlsLoader, MtlsMaterial } from './mtls-material.js';

/** Paths for {@link certificateFiles}: PEM `cert` and `key`, or a PKCS#12 `pfx`. */
export interface CertificateFilesOptions {
  cert?: string;
  key?: string;
  pfx?: string;
  passphrase?: string | Secret;
  /** The CAs that sign the server's certificate. */
  ca?: string | readonly string[];
}

/**
 * A loader that reads the certificate from files each time it is called, so `client.reload()`
 * picks up a certificate renewed on disk (by cert-manager, certbot, a sidecar) without a restart.
 *
 * @example
 * ```ts
 * const client = mtls({ origins, load: certificateFiles({ cert: '/etc/tls/client.crt', key: '/etc/tls/client.key' }) });
 * process.on('SIGHUP', () => void client.reload());
 * ```
 */
export function certificateFiles(paths: CertificateFilesOptions): MtlsLoader {
  return async (): Promise<MtlsMaterial> => {
    const ca = paths.ca === undefined ? undefined : await Promise.all((typeof paths.ca === 'string' ? [paths.ca] : paths.ca).map((path) => readFile(path)));
    if (paths.pfx !== undefined) return { pfx: await readFile(paths.pfx), passphrase: paths.passphrase, ca };
    // Read the pair together: a renewal writes both, and a mismatch is reported, never used.
    const [cert, key] = await Promise.all([readFile(paths.cert ?? ''), readFile(paths.key ?? '')]);
    return { cert, key: new Secret(key.toString('utf8')), passphrase: paths.passphrase, ca };
  };
}
