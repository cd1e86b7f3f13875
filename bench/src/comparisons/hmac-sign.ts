import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createAuthContext, type SignableRequest } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import type { ComparisonGroup } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

const SECRET = 'bench-hmac-secret-0123456789-abcdefghij';
const BODY = new TextEncoder().encode(JSON.stringify({ sku: 'A-1', qty: 2, note: 'x'.repeat(160) }));

/**
 * Issue 3: the full HMAC sign (timestamp, nonce, body hash, canonical string, HMAC, the header)
 * against the least a hand-written `node:crypto` signer of the same string must do. The baseline
 * knows its one request in advance (path and query already canonical), so it measures the crypto
 * and string floor; Signet canonicalizes a URL it has never seen.
 */
export const hmacSign: ComparisonGroup = {
  name: 'hmac sign',
  async open() {
    const credential = hmac({ keyId: 'partner-42', secret: SECRET });
    const context = createAuthContext();
    const request: SignableRequest = {
      method: 'POST',
      url: new URL('https://api.example.com/v1/orders?b=2&a=1'),
      headers: new Headers({ 'content-type': 'application/json' }),
      body: BODY,
    };
    const key = Buffer.from(SECRET);
    return {
      comparisons: [
        {
          name: 'hmac sign vs minimal node:crypto signer',
          target: 1.5,
          source: 'issue 3',
          metric: 'wall',
          measured: 'time per signed request (timestamp, nonce, body hash, canonical string, HMAC, header)',
          signet: {
            label: "await hmac({ keyId, secret }).authorize(request, context)",
            async run(ops) {
              for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(request, context);
            },
          },
          baseline: {
            label: 'createHash + string join + createHmac, header set by hand',
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const timestamp = Math.floor(Date.now() / 1000);
                const nonce = randomBytes(16).toString('base64url');
                const bodyHash = createHash('sha256').update(BODY).digest('hex');
                const stringToSign = `HMAC-SHA256\n${timestamp}\n${nonce}\nPOST\napi.example.com\n/v1/orders\na=1&b=2\ncontent-type:application/json\ncontent-type\n${bodyHash}`;
                const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
                const headers = new Headers(request.headers);
                headers.set('authorization', `HMAC-SHA256 keyId="partner-42", timestamp="${timestamp}", nonce="${nonce}", headers="content-type", signature="${signature}"`);
                blackhole.value = headers;
              }
            },
          },
          ops: { normal: 2_000, quick: 300 },
        },
      ],
      close: async () => undefined,
    };
  },
};
