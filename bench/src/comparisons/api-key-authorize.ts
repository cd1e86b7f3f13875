import { apiKey, createAuthContext } from '@signet/core';
import { BENCH_KEY } from '../fixtures/bench-policy.js';
import { ordersGetRequest } from '../fixtures/orders-get-request.js';
import type { ComparisonGroup } from '../runner/comparison.js';
import { blackhole } from '../runner/measure.js';

/**
 * What `credential.authorize` costs for a static credential (the key is held, nothing to fetch),
 * against the two lines a user would write instead. Elapsed time per call: nothing here waits
 * on I/O, and the caller's `await` is part of Signet's cost (`authorize` returns the request
 * itself here, and awaiting it still takes a turn).
 */
export const apiKeyAuthorize: ComparisonGroup = {
  name: 'apiKey authorize',
  async open() {
    const credential = apiKey({ key: BENCH_KEY });
    const context = createAuthContext();
    const request = ordersGetRequest();
    return {
      comparisons: [
        {
          name: 'apiKey authorize',
          // The lead's target for a cached static credential against setting the header by hand.
          target: 2.0,
          source: 'lead (issue 10: cached credential)',
          metric: 'wall',
          measured: 'time per authorize (headers copied, key set)',
          signet: {
            label: 'await apiKey({ key }).authorize(request, context)',
            async run(ops) {
              for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(request, context);
            },
          },
          baseline: {
            label: "new Headers(h); headers.set('authorization', 'ApiKey ' + key)",
            async run(ops) {
              for (let i = 0; i < ops; i++) {
                const headers = new Headers(request.headers);
                headers.set('authorization', `ApiKey ${BENCH_KEY}`);
                blackhole.value = headers;
              }
            },
          },
          ops: { normal: 10_000, quick: 2_000 },
        },
      ],
      close: async () => undefined,
    };
  },
};
