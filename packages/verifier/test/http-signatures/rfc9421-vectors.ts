// Published test material of RFC 9421 (HTTP Message Signatures), Appendix B.

/**
 * RFC 9421 Appendix B.1.4, "Example Ed25519 Test Key" (test-key-ed25519), as the RFC itself
 * also prints it in JWK form. It is the RFC's published test key, not a secret: kept as a JWK
 * rather than the RFC's PEM block so no PEM private key is committed.
 */
export const TEST_KEY_ED25519 = {
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU',
  x: 'JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs',
} as const;

/** The public half of {@link TEST_KEY_ED25519}. */
export const TEST_KEY_ED25519_PUBLIC = { kty: 'OKP', crv: 'Ed25519', x: TEST_KEY_ED25519.x } as const;

/** RFC 9421 Appendix B.1.5, "Example Shared Secret" (test-shared-secret): 64 bytes, printed in base64. */
export const TEST_SHARED_SECRET = Uint8Array.from(
  atob('uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ=='),
  (c) => c.charCodeAt(0),
);

/**
 * RFC 9421 Appendix B.2, the "test-request" message:
 *
 *     POST /foo?param=Value&Pet=dog HTTP/1.1
 *     Host: example.com
 *     Date: Tue, 20 Apr 2021 02:07:55 GMT
 *     Content-Type: application/json
 *     Content-Digest: sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:
 *     Content-Length: 18
 *
 *     {"hello": "world"}
 */
export const TEST_REQUEST = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    host: 'example.com',
    date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'content-type': 'application/json',
    'content-digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'content-length': '18',
  },
  body: '{"hello": "world"}',
} as const;

/** The `created` of every Appendix B.2 signature. */
export const CREATED = 1618884473;

/** RFC 9421 Appendix B.2.5, "Signing a Request Using hmac-sha256", as printed (RFC 8792 wrapping undone). */
export const B25 = {
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@authority": example.com',
    '"content-type": application/json',
    '"@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
  ].join('\n'),
  signatureInput: 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
  signature: 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:',
};

/** RFC 9421 Appendix B.2.6, "Signing a Request Using ed25519", as printed (RFC 8792 wrapping undone). */
export const B26 = {
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@method": POST',
    '"@path": /foo',
    '"@authority": example.com',
    '"content-type": application/json',
    '"content-length": 18',
    '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  ].join('\n'),
  signatureInput: 'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  signature: 'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
};
