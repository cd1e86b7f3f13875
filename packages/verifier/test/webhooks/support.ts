import { createHmac } from 'node:crypto';

/** The reference library's published example (standard-webhooks libraries/javascript/src/webhook.test.ts). */
export const PUBLISHED = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
} as const;

/** A `whsec_` secret of `length` bytes, each `fill`. */
export function secretOf(length: number, fill = 7): string {
  return `whsec_${Buffer.alloc(length, fill).toString('base64')}`;
}

/** The v1 signature computed with node:crypto, sharing no code with Signet. */
export function nodeV1(secret: string, id: string, timestamp: string | number, body: Uint8Array | string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

/** Headers of a webhook signed by node:crypto with each of `secrets`. */
export function nodeHeaders(secrets: string[], id: string, timestamp: number, body: Uint8Array | string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => nodeV1(s, id, timestamp, body)).join(' '),
  };
}
