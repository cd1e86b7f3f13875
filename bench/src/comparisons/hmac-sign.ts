import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createAuthContext } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { HMAC_BODY, HMAC_KEY_ID, HMAC_SECRET, hmacOrderPost } from '../fixtures/hmac-order-post.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { freshRequests } from '../fixtures/fresh-requests.js';
import { blackhole } from '../runner/measure.js';

/**
 * Issue 3: the full HMAC sign (timestamp, nonce, body hash, canonical string, HMAC, the header)
 * against the least a hand-written `node:crypto` signer of the same string must do. The baseline
 * knows its one request in advance (path and query already canonical), so it measures the crypto
 * and string floor; Signet canonicalizes a URL it has never seen.
 */
export const hmacSign: ComparisonGroup = {
  name: 'hmac sign',
  async open() {
    const credential = hmac({ keyId: HMAC_KEY_ID, secret: HMAC_SECRET });
    const context = createAuthContext();
    const requests = freshRequests(hmacOrderPost);
    const baselineHeaders = new Headers(hmacOrderPost().headers);
    const key = Buffer.from(HMAC_SECRET);
    return {
      comparisons: [
        {
          name: 'hmac sign vs minimal node:crypto signer',
          target: 1.5,
          source: 'issue 3',
          metric: 'wall',
          measured: 'time per signed request (timestamp, nonce, body hash, canonical string, HMAC, header)',
          signet: {
            label: 'await hmac({ keyId, secret }).authorize(request, context), in an attempt of the send loop',
            prepare: requests.prepare,
            async run(ops) {
              for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(requests.next(), context);
            },
          },
          baseline: {
            label: 'createHash + string join + createHmac, header set by hand on headers it owns',
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const timestamp = Math.floor(Date.now() / 1000);
                const nonce = randomBytes(16).toString('base64url');
                const bodyHash = createHash('sha256').update(HMAC_BODY).digest('hex');
                const stringToSign = `HMAC-SHA256\n${timestamp}\n${nonce}\nPOST\napi.example.com\n/v1/orders\na=1&b=2\ncontent-type:application/json\ncontent-type\n${bodyHash}`;
                const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
                // The same footing as Signet's side: the request's own headers, no copy.
                const headers = baselineHeaders;
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
