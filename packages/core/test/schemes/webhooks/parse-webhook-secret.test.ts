import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { secret, SignetConfigError, SignetError } from '@signet/core';
import { parseWebhookSecret, parseWebhookSecrets, signWebhook, webhook, WebhookSecret } from '@signet/core/webhooks';
import { secretOf } from './vectors.js';

// Base64 text that must never appear in any rendering of any error below.
const CANARY_B64 = Buffer.from('CANARY-5ecr3t-9f2b7d').toString('base64');

function thrown(fn: () => unknown): SignetConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error).toBeInstanceOf(SignetError);
    expect((error as SignetConfigError).code).toBe('invalid_option');
    return error as SignetConfigError;
  }
  throw new Error('expected a throw');
}

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, String(e.stack), String(e), JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true })];
}

describe('parseWebhookSecret', () => {
  test('takes whsec_ + base64, as a string or a Secret, and reveals the key bytes', () => {
    expect(Buffer.from(parseWebhookSecret(secretOf(24, 9)).reveal())).toEqual(Buffer.alloc(24, 9));
    expect(Buffer.from(parseWebhookSecret(secret(secretOf(32, 3))).reveal())).toEqual(Buffer.alloc(32, 3));
  });

  test('accepts base64 without its padding', () => {
    const padded = secretOf(32);
    expect(padded.endsWith('=')).toBe(true);
    expect(parseWebhookSecret(padded.replace(/=+$/, '')).reveal()).toEqual(parseWebhookSecret(padded).reveal());
  });

  test('accepts 24 to 64 bytes, the range the spec gives', () => {
    expect(parseWebhookSecret(secretOf(24)).reveal()).toHaveLength(24);
    expect(parseWebhookSecret(secretOf(64)).reveal()).toHaveLength(64);
  });

  test.each([
    [23, 'secret: decodes to 23 bytes; Standard Webhooks secrets are 24 to 64 random bytes'],
    [65, 'secret: decodes to 65 bytes; Standard Webhooks secrets are 24 to 64 random bytes'],
    [0, 'secret: decodes to 0 bytes; Standard Webhooks secrets are 24 to 64 random bytes'],
  ])('refuses %i bytes', (length, message) => {
    expect(thrown(() => parseWebhookSecret(secretOf(length))).message).toBe(message);
  });

  test('requires the whsec_ prefix, and hints when given bare base64', () => {
    const error = thrown(() => parseWebhookSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'WEBHOOK_SECRET'));
    expect(error.field).toBe('WEBHOOK_SECRET');
    expect(error.message).toBe('WEBHOOK_SECRET: must start with whsec_ (a Standard Webhooks secret); if you were given bare base64, prefix it with whsec_');
  });

  test('explains that Ed25519 keys are not supported', () => {
    expect(thrown(() => parseWebhookSecret(`whsk_${CANARY_B64}`)).message).toContain('Ed25519');
  });

  test.each([
    ['not base64', 'whsec_not base64!'],
    ['base64url letters', `whsec_${Buffer.alloc(24, 0xfb).toString('base64url')}`],
    ['a stray newline', `${secretOf(24)}\n`],
  ])('refuses %s after the prefix', (_name, value) => {
    expect(thrown(() => parseWebhookSecret(value)).message).toBe('secret: must be standard base64 after whsec_');
  });

  test.each([[undefined], [42], [{}], [Buffer.alloc(24)]])('refuses %s', (value) => {
    expect(thrown(() => parseWebhookSecret(value)).message).toBe('secret: must be a whsec_… string, or a Secret holding one');
  });

  test('lists: every item is named by index, and an empty list is refused', () => {
    expect(thrown(() => parseWebhookSecrets([secretOf(24), 'x'], 'secrets')).field).toBe('secrets[1]');
    expect(thrown(() => parseWebhookSecrets([], 'secrets')).message).toBe('secrets: must list at least one secret');
    expect(parseWebhookSecrets(secretOf(24))).toHaveLength(1);
  });

  test('a parsed secret prints as [redacted] every way', () => {
    const key = parseWebhookSecret(secretOf(24, 0x41));
    const b64 = secretOf(24, 0x41).slice('whsec_'.length);
    for (const text of [String(key), `${key}`, JSON.stringify({ key }), inspect({ key }, { depth: Infinity, showHidden: true })]) {
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(b64);
      expect(text).not.toContain('65, 65');
    }
    expect(Object.keys(key)).toEqual([]);
    expect(key).toBeInstanceOf(WebhookSecret);
  });

  test('reveal() returns a copy: the held key cannot be changed from outside', () => {
    const key = parseWebhookSecret(secretOf(24, 1));
    key.reveal().fill(0);
    expect(key.reveal()[0]).toBe(1);
  });
});

describe('no secret in any error', () => {
  const bad: Array<[string, () => unknown]> = [
    ['bare base64', () => parseWebhookSecret(CANARY_B64)],
    ['too short', () => parseWebhookSecret(`whsec_${CANARY_B64}`)],
    ['not base64 after the prefix', () => parseWebhookSecret(`whsec_${CANARY_B64}!`)],
    ['Ed25519', () => parseWebhookSecret(`whpk_${CANARY_B64}`)],
    ['a Secret', () => parseWebhookSecret(secret(`whsec_${CANARY_B64}`))],
    ['webhook()', () => webhook({ secrets: [secretOf(24), `whsec_${CANARY_B64}`] })],
  ];

  test.each(bad)('%s', (_name, fn) => {
    const error = thrown(fn);
    for (const text of renderings(error)) expect(text).not.toContain(CANARY_B64);
  });

  test('signWebhook', async () => {
    const error = await signWebhook({ secrets: `whsec_${CANARY_B64}`, id: 'm', timestamp: 1, body: '' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    for (const text of renderings(error)) expect(text).not.toContain(CANARY_B64);
  });
});
