import { createHmac } from 'node:crypto';

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
