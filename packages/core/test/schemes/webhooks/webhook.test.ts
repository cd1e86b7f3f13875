import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, platformCrypto, type SignableRequest, SignetConfigError, type SignetCrypto } from '@signet/core';
import { webhook } from '@signet/core/webhooks';
import { nodeV1, secretOf } from './vectors.js';
import { failureOf } from '../../support/failure-of.js';

const SECRET = secretOf(32, 5);
const OLD = secretOf(24, 6);
const NOW_MS = 1_700_000_000_987;

const fixedRandom: SignetCrypto = { ...platformCrypto, randomBytes: (n) => new Uint8Array(n).fill(0xfb) };
const context = (crypto: SignetCrypto = platformCrypto) => createAuthContext({ clock: createClock({ now: () => NOW_MS }), crypto });

function post(body: Uint8Array | undefined, headers: Record<string, string> = {}): SignableRequest {
  return { method: 'POST', url: new URL('https://partner.example/hooks'), headers: new Headers(headers), body };
}

const body = new TextEncoder().encode('{"type":"invoice.paid"}');

describe('webhook()', () => {
  test('declares what the send loop needs: the body, and the three headers as sensitive', () => {
    const credential = webhook({ secrets: SECRET });
    expect(credential.scheme).toBe('webhook');
    expect(credential.requiresBody).toBe(true);
    expect(credential.sensitiveHeaders).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(credential.sensitiveQueryParams).toEqual([]);
  });

  test('signs the body with the clock at send time, floored to seconds', async () => {
    const signed = await webhook({ secrets: SECRET }).authorize(post(body, { 'webhook-id': 'evt_42' }), context());
    expect(signed.headers.get('webhook-timestamp')).toBe('1700000000');
    expect(signed.headers.get('webhook-id')).toBe('evt_42');
    expect(signed.headers.get('webhook-signature')).toBe(nodeV1(SECRET, 'evt_42', 1700000000, body));
  });

  test('keeps a webhook-id the caller set: it is the receiver’s idempotency key', async () => {
    const credential = webhook({ secrets: SECRET, id: () => 'msg_generated' });
    const signed = await credential.authorize(post(body, { 'Webhook-Id': 'evt_1' }), context());
    expect(signed.headers.get('webhook-id')).toBe('evt_1');
  });

  test('otherwise generates msg_ + 128 random bits from the context', async () => {
    const signed = await webhook({ secrets: SECRET }).authorize(post(body), context(fixedRandom));
    expect(signed.headers.get('webhook-id')).toBe(`msg_${Buffer.alloc(16, 0xfb).toString('base64url')}`);
    const other = await webhook({ secrets: SECRET }).authorize(post(body), context());
    expect(other.headers.get('webhook-id')).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
  });

  test('or takes its ids from a function', async () => {
    const signed = await webhook({ secrets: SECRET, id: () => 'msg_custom' }).authorize(post(body), context());
    expect(signed.headers.get('webhook-id')).toBe('msg_custom');
  });

  test('signs with every secret, for rotation', async () => {
    const signed = await webhook({ secrets: [SECRET, OLD] }).authorize(post(body, { 'webhook-id': 'evt_1' }), context());
    expect(signed.headers.get('webhook-signature')).toBe(`${nodeV1(SECRET, 'evt_1', 1700000000, body)} ${nodeV1(OLD, 'evt_1', 1700000000, body)}`);
  });

  test('a request without a body is signed with an empty payload', async () => {
    const signed = await webhook({ secrets: SECRET }).authorize(post(undefined, { 'webhook-id': 'evt_1' }), context());
    expect(signed.headers.get('webhook-signature')).toBe(nodeV1(SECRET, 'evt_1', 1700000000, ''));
  });

  test('replaces stale signature headers and does not mutate the request', async () => {
    const request = post(body, { 'webhook-id': 'evt_1', 'webhook-signature': 'v1,stale', 'webhook-timestamp': '1' });
    const signed = await webhook({ secrets: SECRET }).authorize(request, context());
    expect(signed.headers.get('webhook-signature')).not.toContain('stale');
    expect(signed.headers.get('webhook-timestamp')).toBe('1700000000');
    expect(request.headers.get('webhook-signature')).toBe('v1,stale');
    expect(signed).not.toBe(request);
  });

  test('a caller-set webhook-id with a "." is refused, naming the header', async () => {
    const error = await failureOf(() => webhook({ secrets: SECRET }).authorize(post(body, { 'webhook-id': 'evt.1' }), context()));
    expect(error).toBeInstanceOf(SignetConfigError);
    expect((error as SignetConfigError).field).toBe('webhook-id');
  });

  test('a bad generated id is refused, naming the option', async () => {
    const error = await failureOf(() => webhook({ secrets: SECRET, id: () => 'a.b' }).authorize(post(body), context()));
    expect((error as SignetConfigError).field).toBe('id');
  });

  test.each([
    ['no options', undefined, 'webhook(options)'],
    ['no secrets', {}, 'secrets'],
    ['a bad secret', { secrets: 'whsec_short' }, 'secrets'],
    ['an id that is not a function', { secrets: SECRET, id: 'msg_1' }, 'id'],
  ])('config errors at construction: %s', (_name, options, field) => {
    expect(() => webhook(options as never)).toThrow(SignetConfigError);
    try {
      webhook(options as never);
    } catch (error) {
      expect((error as SignetConfigError).field).toBe(field);
    }
  });
});
