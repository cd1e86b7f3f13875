import { secret } from '@signet/core';
import { describe, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { compileBasicPolicy } from '../../src/schemes/basic-policy.js';
import { expectConfigError } from '../support/config-error.js';

describe('compileBasicPolicy', () => {
  test('flattens users and their passwords', () => {
    const entries = compileBasicPolicy({ users: { alice: ['pw-new', secret('pw-old')], bob: 'pw-b' } });
    expect(entries.map(([user, password]) => [user, password.reveal()])).toEqual([
      ['alice', 'pw-new'],
      ['alice', 'pw-old'],
      ['bob', 'pw-b'],
    ]);
  });

  test('normalizes user-ids to NFC, as the client does (RFC 7617 §2.1)', () => {
    const [entry] = compileBasicPolicy({ users: { 'Jose\u0301': 'pw' } });
    expect(entry?.[0]).toBe('Jos\u00e9');
  });
});

describe('basic config errors', () => {
  test('no users', () => {
    expectConfigError(() => createVerifier({ basic: { users: {} } }), 'basic.users', 'basic.users: must configure at least one identity');
    expectConfigError(() => createVerifier({ basic: {} as never }), 'basic.users', 'basic.users: must be an object mapping each identity to its secret(s)');
  });

  test('a user with no password', () => {
    expectConfigError(() => createVerifier({ basic: { users: { alice: [] } } }), 'basic.users.alice', 'basic.users.alice: must list at least one secret');
  });

  test('a password that is not a non-empty string', () => {
    expectConfigError(() => createVerifier({ basic: { users: { alice: '' } } }), 'basic.users.alice', 'basic.users.alice: must not be empty');
    expectConfigError(
      () => createVerifier({ basic: { users: { alice: ['pw', 7 as never] } } }),
      'basic.users.alice[1]',
      'basic.users.alice[1]: must be a string or a Secret',
    );
  });

  test('a user-id with a colon could never be sent, so it is refused', () => {
    expectConfigError(() => createVerifier({ basic: { users: { 'a:b': 'pw' } } }), 'basic.users.a:b', 'basic.users.a:b: a user-id must not contain ":" (RFC 7617 §2)');
    expectConfigError(() => createVerifier({ basic: null as never }), 'basic', 'basic: must be an options object');
  });
});
