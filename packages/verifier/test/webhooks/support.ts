// The published example and the independent node:crypto signer are shared with core's tests.
import { nodeV1 } from '../../../core/test/schemes/webhooks/vectors.js';

export { PUBLISHED } from '../../../core/test/schemes/webhooks/published-example.js';
export { nodeV1, secretOf } from '../../../core/test/schemes/webhooks/vectors.js';

/** Headers of a webhook signed by node:crypto with each of `secrets`. */
export function nodeHeaders(secrets: string[], id: string, timestamp: number, body: Uint8Array | string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => nodeV1(s, id, timestamp, body)).join(' '),
  };
}
