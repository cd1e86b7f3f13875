import { readFileSync } from 'node:fs';
import { basic, combine, createAuthContext, createClock, type SignetEvent } from '@signet/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mtls as browserMtls } from '../../src/mtls/browser.js';
import { mtls, mtlsError, MtlsHandshakeError } from '../../src/mtls/index.js';
import { createTestPki, type TestPki } from '@signet/verifier/server';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());

const origins = 'https://api.example.com';
const DAY = 24 * 60 * 60 * 1000;

describe('loading', () => {
  test('reads the subject, the validity and the x5t#S256 openssl computes', async () => {
    const client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins });
    const info = await client.certificate();
    expect(info.subject).toBe('CN=client-a');
    expect(info.issuer).toBe('CN=Signet Test CA');
    expect(info.thumbprint).toBe(pki.thumbprint(pki.clientA.certPath));
    expect(Date.parse(info.notAfter) - Date.parse(info.notBefore)).toBe(2 * DAY);
    await client.close();
  });

  test('a key that does not match the certificate: certificate_invalid, at creation', () => {
    expect(() => mtls({ cert: pki.mismatched.cert, key: pki.mismatched.key, origins })).toThrow(
      expect.objectContaining({ code: 'certificate_invalid', scheme: 'mtls', message: 'mtls: key does not match the certificate CN=client-a' }),
    );
  });

  test('an expired certificate: certificate_expired, at creation', () => {
    expect(() => mtls({ cert: pki.expired.cert, key: pki.expired.key, origins })).toThrow(
      expect.objectContaining({ code: 'certificate_expired', message: 'mtls: the client certificate CN=client-expired expired at 2020-02-01T00:00:00.000Z' }),
    );
  });

  test('a certificate not yet valid (by the injected clock): certificate_expired', () => {
    expect(() => mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins, now: () => Date.now() - DAY })).toThrow(expect.objectContaining({ code: 'certificate_expired', message: expect.stringContaining('not valid before') }));
  });

  test('a wrong passphrase: certificate_invalid, and the passphrase is not in the message', () => {
    const attempt = (): unknown => mtls({ pfx: readFileSync(pki.clientAPfxPath), passphrase: 'not-the-p12-password', origins });
    expect(attempt).toThrow(expect.objectContaining({ code: 'certificate_invalid' }));
    expect(() => mtls({ cert: pki.clientA.cert, key: pki.clientAEncryptedKey, passphrase: 'not-the-key-password', origins })).toThrow(expect.objectContaining({ code: 'certificate_invalid' }));
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('not-the-p12-password');
    }
  });

  test('not a certificate at all: certificate_invalid', () => {
    expect(() => mtls({ cert: 'hello', key: pki.clientA.key, origins })).toThrow(expect.objectContaining({ code: 'certificate_invalid', message: 'mtls: cert is not a PEM or DER X.509 certificate' }));
  });

  test('bad options name the field', () => {
    expect(() => mtls({ cert: pki.clientA.cert, key: pki.clientA.key } as never)).toThrow(expect.objectContaining({ field: 'origins' }));
    expect(() => mtls({ cert: pki.clientA.cert, origins } as never)).toThrow(expect.objectContaining({ field: 'key' }));
    expect(() => mtls({ pfx: new Uint8Array([1]), cert: pki.clientA.cert, key: pki.clientA.key, origins } as never)).toThrow(expect.objectContaining({ field: 'pfx' }));
    expect(() => mtls({ load: 'file.pem', origins } as never)).toThrow(expect.objectContaining({ field: 'load' }));
  });

  test('a loader that fails reports it on first use, typed', async () => {
    const client = mtls({ origins, load: async () => ({ cert: pki.mismatched.cert, key: pki.mismatched.key }) });
    await expect(client.certificate()).rejects.toMatchObject({ code: 'certificate_invalid' });
    await client.close();
  });
});

describe('expiry events and the credential', () => {
  test('certificate.expiring once per certificate, inside the window only', async () => {
    const events: SignetEvent[] = [];
    const info = await mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins }).certificate();
    const notAfter = Date.parse(info.notAfter);
    let now = Date.parse(info.notBefore) + 1; // two days before notAfter: outside a one-day window
    const client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins, now: () => now, expiryWarningMs: DAY, onEvent: (e) => events.push(e) });
    await client.certificate();
    expect(events).toEqual([]);
    now = notAfter - 60_000;
    await client.certificate();
    await client.certificate();
    expect(events).toEqual([{ type: 'certificate.expiring', subject: 'CN=client-a', notAfter: info.notAfter, expiresInMs: 60_000 }]);
    now = notAfter + 1;
    await expect(client.certificate()).rejects.toMatchObject({ code: 'certificate_expired' });
    await client.close();
  });

  test('authorize attaches nothing, tells the send loop about expiry, and refuses once expired', async () => {
    const info = await mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins }).certificate();
    let now = Date.parse(info.notAfter) - 1000;
    const client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins, now: () => now });
    const loopEvents: SignetEvent[] = [];
    const context = createAuthContext({ clock: createClock(), onEvent: (e) => loopEvents.push(e) });
    const request = { method: 'GET', url: new URL('https://api.example.com/v1'), headers: new Headers(), body: undefined };
    expect(await client.authorize(request, context)).toBe(request);
    expect(loopEvents).toMatchObject([{ type: 'certificate.expiring', subject: 'CN=client-a', expiresInMs: 1000 }]);
    now += 2000;
    await expect(client.authorize(request, context)).rejects.toMatchObject({ code: 'certificate_expired' });
    await client.close();
  });

  test('combine(mtls, basic): the Basic header is added, mTLS adds no header', async () => {
    const client = mtls({ cert: pki.clientA.cert, key: pki.clientA.key, origins });
    const both = combine(client, basic({ username: 'alice', password: 'pw' }));
    expect(both.scheme).toBe('mtls+basic');
    expect(both.sensitiveHeaders).toEqual(['authorization']);
    const signed = await both.authorize({ method: 'GET', url: new URL(`${origins}/`), headers: new Headers(), body: undefined }, createAuthContext());
    expect([...signed.headers.keys()]).toEqual(['authorization']);
    await client.close();
  });
});

describe('mtlsError', () => {
  const alert = (code: string): Error => Object.assign(new Error('ssl3_read_bytes:tlsv13 alert'), { code });

  test('maps the alert codes Node reports, through a fetch-style cause chain', () => {
    const viaFetch = new TypeError('fetch failed', { cause: alert('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') });
    expect(mtlsError(viaFetch)).toMatchObject({ code: 'certificate_invalid', alert: 'certificate_required' });
    expect(mtlsError(alert('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'))).toMatchObject({ code: 'certificate_invalid', alert: 'unknown_ca' });
    expect(mtlsError(alert('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED'))).toMatchObject({ code: 'certificate_expired', alert: 'certificate_expired' });
    expect(mtlsError(alert('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'))).toBeInstanceOf(MtlsHandshakeError);
  });

  test('ignores what is not about certificates', () => {
    expect(mtlsError(alert('ECONNREFUSED'))).toBeUndefined();
    expect(mtlsError(alert('ERR_SSL_WRONG_VERSION_NUMBER'))).toBeUndefined();
    expect(mtlsError('text')).toBeUndefined();
  });
});

describe('the browser build', () => {
  test('throws unsupported_runtime', () => {
    expect(() => browserMtls({ cert: 'x', key: 'y', origins })).toThrow(expect.objectContaining({ code: 'unsupported_runtime', scheme: 'mtls' }));
  });
});
