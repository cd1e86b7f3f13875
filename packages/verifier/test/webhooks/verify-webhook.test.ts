import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { secret, SignetConfigError } from '@signet/core';
import { signWebhook } from '@signet/core/webhooks';
import { verifyWebhook } from '../../src/webhooks/verify-webhook.js';
import { nodeHeaders, PUBLISHED, secretOf } from './support.js';

const NEW = secretOf(32, 21);
const OLD = secretOf(24, 22);
const T = 1_700_000_000;
const at = (seconds: number) => () => seconds * 1000;
const BODY = '{"type":"invoice.paid","data":{"id":"in_1"}}';

describe('verifyWebhook: published vector and the reference library', () => {
  test('accepts the published example', async () => {
    const headers = { 'webhook-id': PUBLISHED.id, 'webhook-timestamp': String(PUBLISHED.timestamp), 'webhook-signature': PUBLISHED.signature };
    const result = await verifyWebhook({ secrets: PUBLISHED.secret, now: at(PUBLISHED.timestamp) }, { headers, body: PUBLISHED.payload });
    expect(result).toEqual({ ok: true, id: PUBLISHED.id, timestamp: PUBLISHED.timestamp, secretIndex: 0 });
  });

  test('Signet-signed webhooks verify with the reference Webhook.verify', async () => {
    const headers = await signWebhook({ secrets: NEW, id: 'msg_signet1', timestamp: new Date(), body: BODY });
    expect(new Webhook(NEW).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
    expect(new Webhook(NEW).verify(Buffer.from(BODY), { ...headers })).toEqual(JSON.parse(BODY));
  });

  test('reference-signed webhooks verify with Signet', async () => {
    const now = new Date();
    const signature = new Webhook(NEW).sign('msg_ref1', now, BODY);
    const headers = { 'webhook-id': 'msg_ref1', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature };
    expect(await verifyWebhook({ secrets: NEW }, { headers, body: BODY })).toMatchObject({ ok: true, id: 'msg_ref1' });
    expect(await verifyWebhook({ secrets: NEW }, { headers, body: Buffer.from(BODY) })).toMatchObject({ ok: true });
  });

  test('the reference library verifies both entries of a Signet rotation header, with either secret', async () => {
    const headers = await signWebhook({ secrets: [NEW, OLD], id: 'msg_rot', timestamp: new Date(), body: BODY });
    expect(new Webhook(NEW).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
    expect(new Webhook(OLD).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
  });

  test('known difference: bytes that are not UTF-8 verify with Signet, not with the reference (it decodes the Buffer to a string first)', async () => {
    const body = Buffer.from([0xff, 0x7b, 0x7d]);
    const headers = await signWebhook({ secrets: NEW, id: 'msg_bin', timestamp: new Date(), body });
    expect(await verifyWebhook({ secrets: NEW }, { headers, body })).toMatchObject({ ok: true });
    expect(() => new Webhook(NEW).verify(body, { ...headers })).toThrow('No matching signature found');
  });
});

describe('verifyWebhook: rotation', () => {
  const headers = nodeHeaders([NEW, OLD], 'msg_1', T, BODY);
  test.each([
    ['only the new secret', [NEW], 0],
    ['only the old secret', [OLD], 0],
    ['both, new first', [NEW, OLD], 0],
    ['both, old first', [OLD, NEW], 0],
  ])('a webhook signed with new and old is accepted by a receiver with %s', async (_name, secrets, index) => {
    expect(await verifyWebhook({ secrets, now: at(T) }, { headers, body: BODY })).toMatchObject({ ok: true, secretIndex: index });
  });

  test('secretIndex is the first of the receiver’s secrets that matched, so the old one can be retired when it stops matching', async () => {
    const oldOnly = nodeHeaders([OLD], 'msg_1', T, BODY);
    expect(await verifyWebhook({ secrets: [NEW, OLD], now: at(T) }, { headers: oldOnly, body: BODY })).toMatchObject({ ok: true, secretIndex: 1 });
  });

  test('a receiver with neither secret refuses it', async () => {
    expect(await verifyWebhook({ secrets: secretOf(24, 99), now: at(T) }, { headers, body: BODY })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  test('junk and unknown-version entries beside a valid one do not hurt (reference "multi sig" case)', async () => {
    const valid = nodeHeaders([NEW], 'msg_1', T, BODY)['webhook-signature'];
    const signature = ['v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', 'v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', 'junk', valid, 'v1a,abc'].join(' ');
    const result = await verifyWebhook({ secrets: NEW, now: at(T) }, { headers: { ...headers, 'webhook-signature': signature }, body: BODY });
    expect(result).toMatchObject({ ok: true });
  });
});

describe('verifyWebhook: tolerance, with an injected clock', () => {
  const headers = nodeHeaders([NEW], 'msg_1', T, BODY);
  const verifyAt = (seconds: number, toleranceSeconds?: number) =>
    verifyWebhook({ secrets: NEW, now: () => seconds * 1000 + 999, toleranceSeconds }, { headers, body: BODY });

  test.each([
    ['exactly 300 s old', T + 300, true],
    ['301 s old', T + 301, false],
    ['exactly 300 s in the future', T - 300, true],
    ['301 s in the future', T - 301, false],
  ])('default 5 minutes: %s', async (_name, now, ok) => {
    expect(await verifyAt(now)).toEqual(ok ? { ok: true, id: 'msg_1', timestamp: T, secretIndex: 0 } : { ok: false, reason: 'timestamp_skew' });
  });

  test.each([
    [10, T + 10, true],
    [10, T + 11, false],
    [10, T - 11, false],
    [0, T, true],
    [0, T + 1, false],
    [3600, T - 3600, true],
  ])('toleranceSeconds %i at %i', async (tolerance, now, ok) => {
    expect((await verifyAt(now, tolerance)).ok).toBe(ok);
  });

  test('a forged webhook outside the window is reported as a forgery, not as skew', async () => {
    const forged = { ...headers, 'webhook-signature': nodeHeaders([OLD], 'msg_1', T, BODY)['webhook-signature'] };
    expect(await verifyWebhook({ secrets: NEW, now: at(T + 10_000) }, { headers: forged, body: BODY })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });
});

describe('verifyWebhook: any single change is rejected', () => {
  const headers = nodeHeaders([NEW], 'msg_1', T, BODY);
  const check = (changed: Record<string, string>, body: string | Uint8Array = BODY) => verifyWebhook({ secrets: NEW, now: at(T) }, { headers: changed, body });

  test('the untouched webhook is accepted', async () => {
    expect((await check(headers)).ok).toBe(true);
  });

  test.each([
    ['the id', { 'webhook-id': 'msg_2' }, 'signature_mismatch'],
    ['the timestamp (by one second, inside the window)', { 'webhook-timestamp': String(T + 1) }, 'signature_mismatch'],
    ['one letter of the signature', { 'webhook-signature': headers['webhook-signature']!.replace(/v1,(.)/, (_m, c: string) => `v1,${c === 'A' ? 'B' : 'A'}`) }, 'signature_mismatch'],
    ['a truncated signature', { 'webhook-signature': headers['webhook-signature']!.slice(0, 8) }, 'signature_mismatch'],
    ['the version (v2)', { 'webhook-signature': headers['webhook-signature']!.replace('v1,', 'v2,') }, 'unsupported_algorithm'],
    ['an empty v1 signature', { 'webhook-signature': 'v1,' }, 'malformed_credentials'],
  ])('%s', async (_name, change, reason) => {
    expect(await check({ ...headers, ...change })).toEqual({ ok: false, reason });
  });

  test('one bit of the body', async () => {
    const bytes = Buffer.from(BODY);
    for (const i of [0, 10, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[i]! ^= 1;
      expect(await check(headers, flipped)).toEqual({ ok: false, reason: 'signature_mismatch' });
    }
  });

  test('re-serialized JSON (what a body parser round trip gives)', async () => {
    expect(await check(headers, JSON.stringify(JSON.parse(BODY), null, 1))).toEqual({ ok: false, reason: 'signature_mismatch' });
  });
});

describe('verifyWebhook: headers', () => {
  const headers = nodeHeaders([NEW], 'msg_1', T, BODY);
  const check = (changed: Record<string, string | string[] | undefined> | Headers) => verifyWebhook({ secrets: NEW, now: at(T) }, { headers: changed, body: BODY });

  test.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('missing %s → missing_component', async (name) => {
    expect(await check({ ...headers, [name]: undefined })).toEqual({ ok: false, reason: 'missing_component' });
    expect(await check({ ...headers, [name]: '' })).toEqual({ ok: false, reason: 'missing_component' });
  });

  test.each(['hello', 'NaN', '1e9', '-5', `${T}abc`, `${T}.5`, `0${T}`, '99999999999999999999'])('timestamp %j → malformed_credentials', async (timestamp) => {
    expect(await check({ ...headers, 'webhook-timestamp': timestamp })).toEqual({ ok: false, reason: 'malformed_credentials' });
  });

  test.each(['garbage', 'v1', ',abc', 'v1, '])('signature header %j with no usable entry → malformed_credentials', async (signature) => {
    expect(await check({ ...headers, 'webhook-signature': signature })).toEqual({ ok: false, reason: 'malformed_credentials' });
  });

  test('only entries of versions we cannot check (v1a Ed25519) → unsupported_algorithm', async () => {
    expect(await check({ ...headers, 'webhook-signature': 'v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==' })).toEqual({
      ok: false,
      reason: 'unsupported_algorithm',
    });
  });

  test('header names are case-insensitive, in a plain object (Express req.headers) or Headers', async () => {
    const mixed = { 'Webhook-Id': headers['webhook-id']!, 'WEBHOOK-TIMESTAMP': headers['webhook-timestamp']!, 'Webhook-Signature': headers['webhook-signature']! };
    expect((await check(mixed)).ok).toBe(true);
    expect((await check(new Headers(mixed))).ok).toBe(true);
  });

  test('a signature header repeated on several lines (array value) is read as one list', async () => {
    const other = nodeHeaders([OLD], 'msg_1', T, BODY)['webhook-signature']!;
    expect((await check({ ...headers, 'webhook-signature': [other, headers['webhook-signature']!] })).ok).toBe(true);
  });
});

describe('verifyWebhook: the raw body', () => {
  const headers = nodeHeaders([NEW], 'msg_1', T, BODY);
  const check = (body: unknown) => verifyWebhook({ secrets: NEW, now: at(T) }, { headers, body: body as string });

  test.each([
    ['a string', BODY],
    ['a Buffer', Buffer.from(BODY)],
    ['a Uint8Array', new TextEncoder().encode(BODY)],
    ['an ArrayBuffer', new TextEncoder().encode(BODY).buffer],
    ['a DataView', new DataView(new TextEncoder().encode(BODY).buffer)],
    ['a view into a larger buffer', Buffer.from(`xx${BODY}yy`).subarray(2, 2 + Buffer.byteLength(BODY))],
  ])('accepts %s', async (_name, body) => {
    expect((await check(body)).ok).toBe(true);
  });

  test.each([
    ['object', JSON.parse(BODY)],
    ['array', [1, 2]],
    ['object', {}],
    ['object', Object.create(null)],
  ])('a parsed %s is a TypeError that says to pass the raw body, and how', async (kind, body) => {
    const error = await check(body).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toContain(`body is a parsed ${kind}`);
    expect(message).toContain('express.raw');
    expect(message).toContain('request.text()');
  });

  test.each([[undefined], [null], [42]])('%s is a TypeError too', async (body) => {
    const error = await check(body).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('must be the raw body');
  });
});

describe('verifyWebhook: options', () => {
  const input = { headers: nodeHeaders([NEW], 'msg_1', T, BODY), body: BODY };
  async function configError(options: object): Promise<SignetConfigError> {
    const error = await verifyWebhook(options as never, input).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    return error as SignetConfigError;
  }

  test.each([
    [{ secrets: 'whsec_tooshort' }, 'secrets'],
    [{ secrets: [NEW, 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] }, 'secrets[1]'],
    [{ secrets: [] }, 'secrets'],
    [{}, 'secrets'],
    [{ secrets: NEW, toleranceSeconds: -1 }, 'toleranceSeconds'],
    [{ secrets: NEW, toleranceSeconds: 1.5 }, 'toleranceSeconds'],
    [{ secrets: NEW, now: 5 }, 'now'],
  ])('%j → field %s', async (options, field) => {
    expect((await configError(options)).field).toBe(field);
  });

  test('a Secret holding the whsec_ string works', async () => {
    expect((await verifyWebhook({ secrets: secret(NEW), now: at(T) }, input)).ok).toBe(true);
  });

  test('no secret appears in any error, however it is printed', async () => {
    const canary = Buffer.from('CANARY-5ecr3t-9f2b7d').toString('base64');
    for (const secrets of [canary, `whsec_${canary}`, [NEW, `whsec_${canary}!`], secret(`whsec_${canary}`)]) {
      const error = await configError({ secrets });
      for (const text of [error.message, String(error.stack), String(error), JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })]) {
        expect(text).not.toContain(canary);
      }
    }
  });
});
