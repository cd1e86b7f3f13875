import { createAuthContext } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { HMAC_KEY_ID, HMAC_SECRET, hmacOrderPost } from '../fixtures/hmac-order-post.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { freshRequests } from '../fixtures/fresh-requests.js';
import { blackhole } from '../runner/measure.js';

/**
 * Issue 10: bytes allocated per HMAC-signed request (V8 heap and array buffers, after a full GC,
 * no GC during the batch; see the `bytes` metric), against an absolute budget of 2.5 kB. What a
 * signer allocates per request is paid again in garbage collection under load, which a timing
 * row in isolation does not show.
 */
export const hmacAllocation: ComparisonGroup = {
  name: 'hmac sign',
  async open() {
    const credential = hmac({ keyId: HMAC_KEY_ID, secret: HMAC_SECRET });
    const context = createAuthContext();
    // The request of hmac-sign.ts: a POST with a 200-byte JSON body, a query to canonicalize, in
    // the request path (a fresh request per operation, headers the loop owns, its first attempt).
    const requests = freshRequests(hmacOrderPost);
    return {
      comparisons: [
        {
          name: 'hmac sign, bytes allocated',
          kind: 'absolute',
          target: 2500,
          source: 'issue 10 (HMAC allocation ≤ 2.5 kB per request)',
          metric: 'bytes',
          measured: 'bytes allocated per signed request (heap and array buffers)',
          signet: {
            label: 'await hmac({ keyId, secret }).authorize(request, context), in an attempt of the send loop',
            prepare: requests.prepare,
            async run(ops) {
              for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(requests.next(), context);
            },
          },
          ops: { normal: 2_000, quick: 300 },
        },
      ],
      close: async () => undefined,
    };
  },
};
