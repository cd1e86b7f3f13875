import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '@signet/core';
import { signWebhook, webhookSignedContent } from '@signet/core/webhooks';
import { platformCrypto as nodeCrypto } from '../../../src/crypto/node/node-crypto.js';
import { platformCrypto as webCrypto } from '../../../src/crypto/web-crypto.js';
import { PUBLISHED } from './published-example.js';
import { nodeV1, secretOf } from './vectors.js';

const NEW = secretOf(32, 1);
const OLD = secretOf(24, 2);

describe('signWebhook: the published Standard Webhooks example', () => {
  test.each([
    ['node:crypto', nodeCrypto],
    ['Web Crypto', webCrypto],
  ])('gives the published signature byte for byte (%s)', async (_name, crypto) => {
    const headers = await signWebhook({ secrets: PUBLISHED.secret, id: PUBLISHED.id, timestamp: PUBLISHED.timestamp, body: PUBLISHED.payload, crypto });
    expect(headers).toEqual({ 'webhook-id': PUBLISHED.id, 'webhook-timestamp': '1614265330', 'webhook-signature': PUBLISHED.signature });
  });

  test("a crypto the caller supplies is always called, even a copy of the platform's, and signs the same bytes", async () => {
    // signWebhook skips the awaits behind node:crypto's synchronous digests, but only behind the
    // platform's own object: a copy with one method replaced (an HSM, a counter) is honoured.
    let calls = 0;
    const counting = { ...nodeCrypto, hmacSha256: ((key, data, encoding) => (calls++, nodeCrypto.hmacSha256(key, data, encoding as 'base64'))) as typeof nodeCrypto.hmacSha256 };
    const headers = await signWebhook({ secrets: [PUBLISHED.secret, PUBLISHED.secret], id: PUBLISHED.id, timestamp: PUBLISHED.timestamp, body: PUBLISHED.payload, crypto: counting });
    expect(calls).toBe(2);
    expect(headers['webhook-signature']).toBe(`${PUBLISHED.signature} ${PUBLISHED.signature}`);
  });

  test('bad options reject the promise (never a synchronous throw), naming the field', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = signWebhook({ secrets: PUBLISHED.secret, id: 'has.dot', timestamp: PUBLISHED.timestamp, body: PUBLISHED.payload });
    }).not.toThrow();
    await expect(promise).rejects.toThrow(SignetConfigError);
    await expect(promise).rejects.toThrow(/^id: /);
  });

  test('the same from body bytes and a Date', async () => {
    const headers = await signWebhook({
      secrets: PUBLISHED.secret,
      id: PUBLISHED.id,
      timestamp: new Date(PUBLISHED.timestamp * 1000 + 999),
      body: new TextEncoder().encode(PUBLISHED.payload),
    });
    expect(headers['webhook-timestamp']).toBe('1614265330');
    expect(headers['webhook-signature']).toBe(PUBLISHED.signature);
  });

  test('signs {id}.{timestamp}.{payload}', () => {
    const content = webhookSignedContent('msg_1', 1674087231, new Uint8Array([0x7b, 0x7d]));
    expect(Buffer.from(content).toString('latin1')).toBe('msg_1.1674087231.{}');
  });
});

describe('signWebhook: rotation and bytes', () => {
  test('several secrets give several v1 entries, space-separated, in order', async () => {
    const headers = await signWebhook({ secrets: [NEW, OLD], id: 'msg_1', timestamp: 1700000000, body: '{"a":1}' });
    expect(headers['webhook-signature']).toBe(`${nodeV1(NEW, 'msg_1', 1700000000, '{"a":1}')} ${nodeV1(OLD, 'msg_1', 1700000000, '{"a":1}')}`);
  });

  test('signs the exact bytes, including bytes that are not UTF-8', async () => {
    const body = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const headers = await signWebhook({ secrets: NEW, id: 'msg_1', timestamp: 1700000000, body });
    expect(headers['webhook-signature']).toBe(nodeV1(NEW, 'msg_1', 1700000000, body));
  });

  test('signs a view of part of a buffer, not the whole buffer', async () => {
    const whole = new TextEncoder().encode('xx{"a":1}yy');
    const headers = await signWebhook({ secrets: NEW, id: 'msg_1', timestamp: 1700000000, body: whole.subarray(2, 9) });
    expect(headers['webhook-signature']).toBe(nodeV1(NEW, 'msg_1', 1700000000, '{"a":1}'));
  });

  test('an empty body is signed as empty', async () => {
    const headers = await signWebhook({ secrets: NEW, id: 'msg_1', timestamp: 0, body: '' });
    expect(headers['webhook-signature']).toBe(nodeV1(NEW, 'msg_1', 0, ''));
  });
});

describe('signWebhook: misuse', () => {
  const base = { secrets: NEW, id: 'msg_1', timestamp: 1700000000, body: '{}' };

  async function configError(options: object): Promise<SignetConfigError> {
    const error = await signWebhook(options as never).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    return error as SignetConfigError;
  }

  test.each([
    ['a dot', 'msg.1'],
    ['a space', 'msg 1'],
    ['empty', ''],
    ['non-ASCII', 'msg_é'],
  ])('an id with %s is refused (the spec forbids "." in ids)', async (_name, id) => {
    const error = await configError({ ...base, id });
    expect(error.field).toBe('id');
  });

  test('a timestamp in milliseconds is refused with a hint', async () => {
    const error = await configError({ ...base, timestamp: 1_700_000_000_000 });
    expect(error.field).toBe('timestamp');
    expect(error.message).toContain('looks like milliseconds');
  });

  test.each([[-1], [1.5], [Number.NaN], ['1700000000'], [new Date(Number.NaN)]])('timestamp %s is refused', async (timestamp) => {
    expect((await configError({ ...base, timestamp })).field).toBe('timestamp');
  });

  test('a second bad secret is named by its index', async () => {
    expect((await configError({ ...base, secrets: [NEW, 'nope'] })).field).toBe('secrets[1]');
  });

  test('a parsed object as body is a TypeError that says to serialize first', async () => {
    const error = await signWebhook({ ...base, body: { a: 1 } as never }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('JSON.stringify');
  });
});
