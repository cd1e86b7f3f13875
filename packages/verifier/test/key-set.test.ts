import { createHash } from 'node:crypto';
import { platformCrypto, secret, type SignetCrypto, timingSafeEqual } from '@signet/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createKeySet } from '../src/key-set.js';

// The real timingSafeEqual, wrapped in a spy so the tests can see every comparison the key set makes.
vi.mock('@signet/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@signet/core')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const compare = vi.mocked(timingSafeEqual);
afterEach(() => compare.mockClear());

const entries = [
  ['billing', secret('key-billing-new')],
  ['billing', secret('key-billing-old')],
  ['reports', secret('key-reports')],
  ['carol', secret('shared')],
  ['dave', secret('shared')],
  ['unicode', secret('pässwörd-🔑')],
] as const;

/** platformCrypto, counting sha256 calls. */
function countingCrypto(): SignetCrypto & { readonly hashes: number } {
  let hashes = 0;
  return {
    ...platformCrypto,
    sha256: ((data: Uint8Array, encoding?: 'hex' | 'base64') => {
      hashes++;
      return encoding === undefined ? platformCrypto.sha256(data) : platformCrypto.sha256(data, encoding);
    }) as SignetCrypto['sha256'],
    get hashes() {
      return hashes;
    },
  };
}

describe('createKeySet', () => {
  const keys = createKeySet(entries, platformCrypto);

  test.each([
    ['key-billing-new', 'billing'],
    ['key-billing-old', 'billing'],
    ['key-reports', 'reports'],
    ['pässwörd-🔑', 'unicode'],
  ])('%s belongs to %s', async (presented, owner) => {
    expect(await keys.match(presented)).toBe(owner);
  });

  test.each([
    ['an unknown secret', 'key-nobody'],
    ['the empty string', ''],
    ['a prefix of a secret', 'key-billing'],
    ['a secret with a suffix', 'key-reports-'],
    ['an owner name', 'billing'],
    ['another normalization form of a secret (the key set compares exactly)', 'pa\u0308sswo\u0308rd-🔑'],
  ])('%s matches nobody', async (_name, presented) => {
    expect(await keys.match(presented)).toBeUndefined();
  });

  test('only the candidates count', async () => {
    expect(await keys.match('key-reports', new Set(['reports']))).toBe('reports');
    expect(await keys.match('key-reports', new Set(['billing']))).toBeUndefined();
    expect(await keys.match('key-reports', new Set(['billing', 'reports']))).toBe('reports');
    expect(await keys.match('key-reports', new Set())).toBeUndefined();
    expect(await keys.match('key-reports', new Set(['nobody']))).toBeUndefined();
  });

  test('a secret shared by two owners belongs to the candidate', async () => {
    expect(await keys.match('shared', new Set(['carol']))).toBe('carol');
    expect(await keys.match('shared', new Set(['dave']))).toBe('dave');
    // Without candidates, the first owner listed.
    expect(await keys.match('shared')).toBe('carol');
  });

  test('an empty key set matches nothing', async () => {
    expect(await createKeySet([], platformCrypto).match('anything')).toBeUndefined();
  });
});

describe('createKeySet: constant-time matching', () => {
  test.each([
    ['the first secret', 'key-billing-new', undefined],
    ['the last secret', 'pässwörd-🔑', undefined],
    ['nothing', 'key-nobody', undefined],
    ['a secret outside the candidates', 'key-reports', new Set(['billing'])],
    ['a user with no secret at all', 'x', new Set(['mallory'])],
  ])('matching %s compares against every stored digest, all of the same length', async (_name, presented, candidates) => {
    const keys = createKeySet(entries, platformCrypto);
    await keys.match(presented, candidates);
    expect(compare).toHaveBeenCalledTimes(entries.length);
    for (const [a, b] of compare.mock.calls) {
      expect(a).toHaveLength(32);
      expect(b).toHaveLength(32);
    }
  });

  test('digests are of the UTF-8 bytes: SHA-256 of the presented secret is what gets compared', async () => {
    const keys = createKeySet([['reports', secret('key-reports')]], platformCrypto);
    await keys.match('key-reports');
    const expected = new Uint8Array(createHash('sha256').update('key-reports', 'utf8').digest());
    expect(compare.mock.calls[0]!.map((bytes) => [...bytes])).toEqual([[...expected], [...expected]]);
  });

  test('stored digests are computed once, on first use, even by concurrent first calls', async () => {
    const crypto = countingCrypto();
    const keys = createKeySet(entries, crypto);
    expect(crypto.hashes).toBe(0);
    await Promise.all([keys.match('key-reports'), keys.match('nope')]);
    expect(crypto.hashes).toBe(entries.length + 2);
    await keys.match('key-billing-old');
    expect(crypto.hashes).toBe(entries.length + 3);
  });
});

describe('timingSafeEqual (@signet/core)', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);

  test('equal contents in different arrays', () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(timingSafeEqual(new Uint8Array(32).fill(0xab), new Uint8Array(32).fill(0xab))).toBe(true);
  });

  test('two empty arrays are equal', () => {
    expect(timingSafeEqual(bytes(), bytes())).toBe(true);
  });

  test.each([
    ['the first byte', bytes(0, 2, 3)],
    ['a middle byte', bytes(1, 0, 3)],
    ['the last byte', bytes(1, 2, 4)],
    ['one bit', bytes(1, 2, 3 ^ 0x80)],
  ])('differs in %s', (_name, other) => {
    expect(timingSafeEqual(bytes(1, 2, 3), other)).toBe(false);
    expect(timingSafeEqual(other, bytes(1, 2, 3))).toBe(false);
  });

  test.each([
    ['a prefix', bytes(1, 2), bytes(1, 2, 3)],
    ['empty and one zero byte', bytes(), bytes(0)],
    ['empty and one non-zero byte', bytes(), bytes(7)],
    ['a repeated pattern', bytes(1), bytes(1, 1, 1, 1)],
    ['zeros of different lengths', new Uint8Array(31), new Uint8Array(32)],
  ])('different lengths are unequal, either way round: %s', (_name, a, b) => {
    expect(timingSafeEqual(a, b)).toBe(false);
    expect(timingSafeEqual(b, a)).toBe(false);
  });
});
