import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks reference library's published example ("sign function works" in
 * libraries/javascript/src/webhook.test.ts of standard-webhooks/standard-webhooks), byte for byte.
 */
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

/**
 * An independent receiver for the tests: the spec's v1 signature computed with node:crypto and
 * Node's base64, sharing no code with Signet.
 */
export function nodeV1(secret: string, id: string, timestamp: string | number, body: Uint8Array | string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).digest('base64');
  return `v1,${mac}`;
}
