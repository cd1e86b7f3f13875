import { Secret, secret } from '@signet/core';
import { describe, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { checkKeyMap } from '../../src/schemes/secret-list.js';
import { expectConfigError, renderings, thrownBy } from '../support/config-error.js';

const CANARY = 'CANARY-SECRET-93f1';
const reveal = (pairs: ReturnType<typeof checkKeyMap>) => pairs.map(([owner, value]) => [owner, value.reveal()]);

describe('checkKeyMap: flattening', () => {
  test('one secret, several secrets and Secret values become owner/secret pairs in order', () => {
    const pairs = checkKeyMap({ billing: ['key-new', secret('key-old')], reports: 'key-r', audit: secret('key-a') }, 'apiKey.clients');
    expect(reveal(pairs)).toEqual([
      ['billing', 'key-new'],
      ['billing', 'key-old'],
      ['reports', 'key-r'],
      ['audit', 'key-a'],
    ]);
  });

  test('every value is held as a Secret that prints [redacted]', () => {
    const pairs = checkKeyMap({ billing: CANARY }, 'apiKey.clients');
    expect(JSON.stringify(pairs)).toBe('[["billing","[redacted]"]]');
    expect(String(pairs[0]?.[1])).toBe('[redacted]');
  });
});

describe('checkKeyMap: errors name the field, never the secret', () => {
  test.each([
    ['undefined', undefined],
    ['null', null],
    ['an array', ['key']],
    ['a string', 'key'],
  ])('the map is %s', (_name, map) => {
    expectConfigError(() => checkKeyMap(map, 'apiKey.clients'), 'apiKey.clients', 'apiKey.clients: must be an object mapping each identity to its secret(s)');
  });

  test('an empty map', () => {
    expectConfigError(() => checkKeyMap({}, 'basic.users'), 'basic.users', 'basic.users: must configure at least one identity');
  });

  test('an owner with an empty list', () => {
    expectConfigError(() => checkKeyMap({ billing: ['k'], reports: [] }, 'apiKey.clients'), 'apiKey.clients.reports', 'apiKey.clients.reports: must list at least one secret');
  });

  test.each([
    ['a number', 42, 'must be a string or a Secret'],
    ['an empty string', '', 'must not be empty'],
    ['an empty Secret', secret(''), 'must not be empty'],
    ['a string with a control character', 'k\r\n', 'must not contain control characters'],
    ['null', null, 'must be a string or a Secret'],
    ['undefined', undefined, 'must be a string or a Secret'],
    ['a plain object', { key: 'k' }, 'must be a string or a Secret'],
  ])('a single value that is %s', (_name, value, message) => {
    expectConfigError(() => checkKeyMap({ billing: value }, 'apiKey.clients'), 'apiKey.clients.billing', `apiKey.clients.billing: ${message}`);
  });

  test('a Secret from another copy of @signet/core is taken by its value', () => {
    const foreign = { reveal: () => 'k-foreign' };
    const [[owner, value]] = checkKeyMap({ billing: foreign }, 'apiKey.clients') as [[string, Secret]];
    expect(owner).toBe('billing');
    expect(value).toBeInstanceOf(Secret);
    expect(value.reveal()).toBe('k-foreign');
  });

  test('a bad entry in a list is named by its index', () => {
    expectConfigError(
      () => checkKeyMap({ billing: ['good-key', 42] }, 'apiKey.clients'),
      'apiKey.clients.billing[1]',
      'apiKey.clients.billing[1]: must be a string or a Secret',
    );
  });
});

describe('config errors never contain a configured secret', () => {
  // The canary sits next to the mistake, where a careless message would quote it.
  const cases: Array<[string, () => unknown, string]> = [
    ['a valid key before a bad one', () => createVerifier({ apiKey: { clients: { billing: [CANARY, 42 as never] } } }), 'apiKey.clients.billing[1]'],
    ['a key inside an object that is not a Secret', () => createVerifier({ apiKey: { clients: { billing: { value: CANARY } as never } } }), 'apiKey.clients.billing'],
    ['a key next to an owner with no keys', () => createVerifier({ apiKey: { clients: { billing: CANARY, reports: [] } } }), 'apiKey.clients.reports'],
    ['a key with an invalid header', () => createVerifier({ apiKey: { clients: { billing: CANARY }, header: 'X API Key' } }), 'apiKey.header'],
    ['a key with an invalid scheme word', () => createVerifier({ apiKey: { clients: { billing: CANARY }, scheme: 'Api Key' } }), 'apiKey.scheme'],
    ['a key with query and header together', () => createVerifier({ apiKey: { clients: { billing: CANARY }, query: 'api_key', header: 'X-API-Key' } }), 'apiKey.query'],
    ['a password next to a bad one', () => createVerifier({ basic: { users: { alice: [secret(CANARY), ''] } } }), 'basic.users.alice[1]'],
    ['a password with a bad api-key policy', () => createVerifier({ basic: { users: { alice: CANARY } }, apiKey: { clients: {} } }), 'apiKey.clients'],
  ];

  test.each(cases)('%s', (_name, create, field) => {
    const error = thrownBy(create);
    expect((error as { field?: unknown }).field).toBe(field);
    // The renderings are not empty: they do carry the field, just not the secret.
    for (const text of renderings(error)) {
      expect(text).toContain(field);
      expect(text).not.toContain(CANARY);
    }
  });
});
