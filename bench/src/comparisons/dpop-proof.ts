import { createHash, randomBytes } from 'node:crypto';
import { createAuthContext } from '@signet/core';
import { dpop } from '@signet/core/dpop';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ordersGetRequest } from '../fixtures/orders-get-request.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

// Made up for the bench; the token function below hands it over without any network.
const ACCESS_TOKEN = 'dpop-bound-access-token-for-the-bench-0123456789abcdef';

/**
 * Issue 10: a DPoP-protected request (RFC 9449 §7) costs a fresh proof JWT per request. Signet's
 * `dpop()` authorize with the token cached (a proof with `jti`, `htm`, `htu`, `iat`, `ath`, ES256,
 * and both headers) against jose's `SignJWT` building the same proof directly, `ath` hashed with
 * `node:crypto` and the two headers set by hand. Nearly all of both is the ECDSA signature, so
 * this row measures what Signet adds around it.
 */
export const dpopProof: ComparisonGroup = {
  name: 'dpop proof',
  async open() {
    // Extractable only so the baseline can put the public key in its header, as Signet does.
    const key = await generateKeyPair('ES256', { extractable: true });
    const { kty, crv, x, y } = await exportJWK(key.publicKey);
    const jwk = { kty, crv, x, y };
    const credential = dpop(async () => ({ accessToken: ACCESS_TOKEN, tokenType: 'DPoP', expiresIn: 3600 }), { key });
    const context = createAuthContext();
    const request = ordersGetRequest();
    const signed = await credential.authorize(request, context);
    if (signed.headers.get('authorization') !== `DPoP ${ACCESS_TOKEN}` || signed.headers.get('dpop') === null) throw new Error('bench: dpop() did not set its two headers');
    const htu = `${request.url.origin}${request.url.pathname}`;
    return {
      comparisons: [
        {
          name: 'dpop proof vs jose SignJWT',
          target: 1.5,
          source: 'issue 10 (DPoP: jose used directly)',
          metric: 'wall',
          measured: 'time per authorized request: a fresh ES256 proof (jti, htm, htu, iat, ath) and both headers, token cached',
          signet: {
            label: 'await dpop(tokenFunction, { key }).authorize(request, context), token cached',
            async run(ops) {
              for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(request, context);
            },
          },
          baseline: {
            label: "await new SignJWT({ jti, htm, htu, iat, ath }).setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk }).sign(privateKey), headers set by hand",
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const ath = createHash('sha256').update(ACCESS_TOKEN).digest('base64url');
                const proof = await new SignJWT({ jti: randomBytes(16).toString('base64url'), htm: request.method, htu, iat: Math.floor(Date.now() / 1000), ath })
                  .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk })
                  .sign(key.privateKey);
                const headers = new Headers(request.headers);
                headers.set('authorization', `DPoP ${ACCESS_TOKEN}`);
                headers.set('dpop', proof);
                blackhole.value = headers;
              }
            },
          },
          ops: { normal: 300, quick: 30 },
        },
      ],
      close: async () => undefined,
    };
  },
};
