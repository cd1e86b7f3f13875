import { describe, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { compileApiKeyPolicy } from '../../src/schemes/api-key-policy.js';
import { expectConfigError } from '../support/config-error.js';

const TOKEN_RULE = "must be an HTTP token (letters, digits and !#$%&'*+.^_`|~-)";
const clients = { billing: 'key-1' };

describe('compileApiKeyPolicy', () => {
  test('defaults: Authorization header, scheme word ApiKey, no query', () => {
    const policy = compileApiKeyPolicy({ clients });
    expect(policy).toMatchObject({ header: 'authorization', scheme: 'ApiKey', query: undefined });
    expect(policy.keys.map(([owner, key]) => [owner, key.reveal()])).toEqual([['billing', 'key-1']]);
  });

  test('a custom header is lower-cased, as Headers.get() expects', () => {
    expect(compileApiKeyPolicy({ clients, header: 'X-API-Key' }).header).toBe('x-api-key');
  });

  test('a custom scheme word keeps its case, for the challenge', () => {
    expect(compileApiKeyPolicy({ clients, scheme: 'Token' }).scheme).toBe('Token');
  });

  test('query mode reads no header', () => {
    expect(compileApiKeyPolicy({ clients, query: 'api_key' })).toMatchObject({ header: undefined, query: 'api_key' });
  });
});

describe('api-key config errors', () => {
  test.each([
    ['a space', 'X API Key'],
    ['a colon', 'X-API-Key:'],
    ['a newline', 'X-API-Key\r\nX-Injected: 1'],
    ['empty', ''],
    ['non-ASCII', 'X-Schlüssel'],
  ])('a header name with %s', (_name, header) => {
    expectConfigError(() => createVerifier({ apiKey: { clients, header } }), 'apiKey.header', `apiKey.header: ${TOKEN_RULE}`);
  });

  test('a header name that is not a string', () => {
    expectConfigError(() => createVerifier({ apiKey: { clients, header: 42 as never } }), 'apiKey.header', `apiKey.header: ${TOKEN_RULE}`);
  });

  test.each([
    ['a space', 'Api Key'],
    ['a quote', 'Api"Key'],
    ['empty', ''],
  ])('a scheme word with %s', (_name, scheme) => {
    expectConfigError(() => createVerifier({ apiKey: { clients, scheme } }), 'apiKey.scheme', `apiKey.scheme: ${TOKEN_RULE}`);
  });

  test('query and header together', () => {
    expectConfigError(
      () => createVerifier({ apiKey: { clients, query: 'api_key', header: 'X-API-Key' } }),
      'apiKey.query',
      'apiKey.query: cannot be combined with apiKey.header or apiKey.scheme: the key is read from one place',
    );
  });

  test('no clients at all', () => {
    expectConfigError(() => createVerifier({ apiKey: { clients: {} } }), 'apiKey.clients', 'apiKey.clients: must configure at least one identity');
    expectConfigError(
      () => createVerifier({ apiKey: {} as never }),
      'apiKey.clients',
      'apiKey.clients: must be an object mapping each identity to its secret(s)',
    );
  });

  test('a client with an empty key list', () => {
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: ['key-1'], reports: [] } } }),
      'apiKey.clients.reports',
      'apiKey.clients.reports: must list at least one secret',
    );
  });

  test('a key that is not a string', () => {
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: 12345 as never } } }),
      'apiKey.clients.billing',
      'apiKey.clients.billing: must be a string or a Secret',
    );
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: ['key-1', 12345 as never] } } }),
      'apiKey.clients.billing[1]',
      'apiKey.clients.billing[1]: must be a string or a Secret',
    );
  });

  test('an empty key', () => {
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: '' } } }),
      'apiKey.clients.billing',
      'apiKey.clients.billing: must not be empty',
    );
  });

  test('the same rules as the client apiKey(): scheme only with Authorization, a named query parameter', () => {
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: 'k' }, header: 'X-API-Key', scheme: 'Token' } }),
      'apiKey.scheme',
      'apiKey.scheme: applies only to the Authorization header; a custom header carries the bare key',
    );
    expectConfigError(
      () => createVerifier({ apiKey: { clients: { billing: 'k' }, query: 'k', scheme: 'Token' } }),
      'apiKey.query',
      'apiKey.query: cannot be combined with apiKey.header or apiKey.scheme: the key is read from one place',
    );
    expectConfigError(() => createVerifier({ apiKey: { clients: { billing: 'k' }, query: '' } }), 'apiKey.query', 'apiKey.query: must not be empty');
    expectConfigError(() => createVerifier({ apiKey: { clients: { billing: 'k' }, query: 7 as never } }), 'apiKey.query', 'apiKey.query: must be a string');
    expectConfigError(() => createVerifier({ apiKey: null as never }), 'apiKey', 'apiKey: must be an options object');
  });
});
