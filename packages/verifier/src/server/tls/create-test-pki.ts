// Node-only (the openssl CLI). A test and demo utility, exported from @signet/verifier/server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate and key on disk, and their PEM text. */
export interface TestIdentity {
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: string;
  readonly key: string;
}

/** A throwaway PKI made with the openssl CLI at test time; nothing here is committed. */
export interface TestPki {
  readonly dir: string;
  readonly caPath: string;
  readonly ca: string;
  readonly server: TestIdentity;
  /** CN=client-a and CN=client-b, valid now, signed by the CA. */
  readonly clientA: TestIdentity;
  readonly clientB: TestIdentity;
  /** Signed by the CA, valid only during January 2020. */
  readonly expired: TestIdentity;
  /** CN=client-wrong-ca, signed by another CA the servers do not trust. */
  readonly wrongCa: TestIdentity;
  /** client-a's certificate with client-b's key. */
  readonly mismatched: TestIdentity;
  /** client-a as PKCS#12, password `p12-password`. */
  readonly clientAPfxPath: string;
  /** client-a's key encrypted with `key-password`. */
  readonly clientAEncryptedKey: string;
  /** OpenSSL's own SHA-256 fingerprint of a certificate file, as base64url (x5t#S256). */
  thumbprint(certPath: string): string;
  remove(): void;
}

const CA_CONFIG = `[ca]
default_ca = test
[test]
database = ./index.txt
new_certs_dir = .
serial = ./serial
default_md = sha256
policy = anything
unique_subject = no
[anything]
commonName = supplied
[client]
extendedKeyUsage = clientAuth
`;

/** Creates the PKI in a new temp dir (EC P-256 keys: fast to make). */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'signet-mtls-'));
  const openssl = (...args: string[]): string => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const path = (name: string): string => join(dir, name);
  const newKey = (name: string): void => void openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path(`${name}.key`));
  const selfSignedCa = (name: string, cn: string): void => {
    newKey(name);
    openssl('req', '-x509', '-new', '-key', path(`${name}.key`), '-subj', `/CN=${cn}`, '-days', '2', '-out', path(`${name}.crt`));
  };
  const issue = (name: string, cn: string, ca: string, extensions: string): TestIdentity => {
    newKey(name);
    openssl('req', '-new', '-key', path(`${name}.key`), '-subj', `/CN=${cn}`, '-out', path(`${name}.csr`));
    writeFileSync(path(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', path(`${name}.csr`), '-CA', path(`${ca}.crt`), '-CAkey', path(`${ca}.key`), '-CAcreateserial', '-days', '2', '-extfile', path(`${name}.ext`), '-out', path(`${name}.crt`));
    return identity(`${name}.crt`, `${name}.key`);
  };
  const identity = (cert: string, key: string): TestIdentity => ({
    certPath: path(cert),
    keyPath: path(key),
    cert: readFileSync(path(cert), 'utf8'),
    key: readFileSync(path(key), 'utf8'),
  });

  selfSignedCa('ca', 'Signet Test CA');
  selfSignedCa('other-ca', 'Untrusted Test CA');
  const server = issue('server', 'localhost', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  const clientA = issue('client-a', 'client-a', 'ca', 'extendedKeyUsage=clientAuth\n');
  const clientB = issue('client-b', 'client-b', 'ca', 'extendedKeyUsage=clientAuth\n');
  const wrongCa = issue('wrong-ca', 'client-wrong-ca', 'other-ca', 'extendedKeyUsage=clientAuth\n');
  // openssl 3.0's x509 has no -not_before/-not_after; `openssl ca` takes explicit dates.
  writeFileSync(path('ca.cnf'), CA_CONFIG);
  writeFileSync(path('index.txt'), '');
  writeFileSync(path('serial'), '1000\n');
  newKey('expired');
  openssl('req', '-new', '-key', path('expired.key'), '-subj', '/CN=client-expired', '-out', path('expired.csr'));
  openssl('ca', '-batch', '-config', path('ca.cnf'), '-cert', path('ca.crt'), '-keyfile', path('ca.key'), '-in', path('expired.csr'), '-out', path('expired.crt'), '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-extensions', 'client', '-notext');
  openssl('pkcs12', '-export', '-in', path('client-a.crt'), '-inkey', path('client-a.key'), '-passout', 'pass:p12-password', '-out', path('client-a.p12'));
  openssl('pkey', '-in', path('client-a.key'), '-aes256', '-passout', 'pass:key-password', '-out', path('client-a.enc.key'));

  return {
    dir,
    caPath: path('ca.crt'),
    ca: readFileSync(path('ca.crt'), 'utf8'),
    server,
    clientA,
    clientB,
    expired: identity('expired.crt', 'expired.key'),
    wrongCa,
    mismatched: identity('client-a.crt', 'client-b.key'),
    clientAPfxPath: path('client-a.p12'),
    clientAEncryptedKey: readFileSync(path('client-a.enc.key'), 'utf8'),
    thumbprint(certPath) {
      const line = openssl('x509', '-in', certPath, '-noout', '-fingerprint', '-sha256');
      const hex = line.trim().split('=')[1]!.replaceAll(':', '');
      return Buffer.from(hex, 'hex').toString('base64url');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
