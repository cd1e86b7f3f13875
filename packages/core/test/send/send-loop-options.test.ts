import { describe, expect, test } from 'vitest';
import { apiKey, createSendLoop, SignetConfigError, type SendLoopOptions } from '@signet/core';

function configError(options: unknown): SignetConfigError {
  try {
    createSendLoop(apiKey({ key: 'k' }), options as SendLoopOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    return error as SignetConfigError;
  }
  throw new Error('expected a SignetConfigError');
}

describe('send loop options are checked at construction', () => {
  test.each([
    [undefined, 'options', 'options object'],
    [{}, 'origins', 'is required'],
    [{ origins: [] }, 'origins', 'is required'],
    [{ origins: 'api.example.com' }, 'origins', 'is not a URL'],
    [{ origins: ['https://a.example.com', 'ftp://b.example.com'] }, 'origins[1]', 'http or https'],
    [{ origins: 'https://api.example.com/v1' }, 'origins', 'without path'],
    [{ origins: 'https://user:pw@api.example.com' }, 'origins', 'user info'],
    [{ origins: 'http://api.example.com' }, 'origins', 'plain http'],
    [{ origins: 'https://a.example.com', allowInsecureOrigins: ['https://a.example.com'] }, 'allowInsecureOrigins[0]', 'only plain-http'],
    [{ origins: 'https://a.example.com', allowInsecureOrigins: 'http://x' }, 'allowInsecureOrigins', 'array'],
    [{ origins: 'https://a.example.com', maxBodyBytes: 0 }, 'maxBodyBytes', 'positive integer'],
    [{ origins: 'https://a.example.com', maxBodyBytes: 1.5 }, 'maxBodyBytes', 'positive integer'],
    [{ origins: 'https://a.example.com', maxRedirects: -1 }, 'maxRedirects', 'non-negative integer'],
    [{ origins: 'https://a.example.com', nonce: 'abc' }, 'nonce', 'must be a function'],
    [{ origins: 'https://a.example.com', onEvent: {} }, 'onEvent', 'must be a function'],
    [{ origins: 'https://a.example.com', retry: true }, 'retry', 'false or an options object'],
    [{ origins: 'https://a.example.com', retry: { retries: -1 } }, 'retry.retries', 'non-negative integer'],
    [{ origins: 'https://a.example.com', retry: { retries: 11 } }, 'retry.retries', 'at most 10'],
    [{ origins: 'https://a.example.com', retry: { maxDelayMs: 1.5 } }, 'retry.maxDelayMs', 'non-negative integer'],
    [{ origins: 'https://a.example.com', retry: { statuses: 429 } }, 'retry.statuses', 'array'],
    [{ origins: 'https://a.example.com', retry: { statuses: [429, 200] } }, 'retry.statuses[1]', 'from 400 to 599'],
    [{ origins: 'https://a.example.com', retry: { networkErrors: 'yes' } }, 'retry.networkErrors', 'boolean'],
    [{ origins: 'https://a.example.com', retry: { sleep: 100 } }, 'retry.sleep', 'must be a function'],
  ])('%j fails on %s', (options, field, message) => {
    const error = configError(options);
    expect(error.code).toBe('invalid_option');
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  test('a malformed origin is not repeated in the error (it may hold user:password@)', () => {
    const error = configError({ origins: 'https://svc:Sup3rS3cret@api.example.com:99999' });
    expect(error.field).toBe('origins');
    expect(error.message).not.toContain('Sup3rS3cret');
  });

  test('plain http is accepted for loopback, and elsewhere only when named in allowInsecureOrigins', () => {
    expect(() => createSendLoop(apiKey({ key: 'k' }), { origins: ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:9000'] })).not.toThrow();
    expect(() =>
      createSendLoop(apiKey({ key: 'k' }), { origins: 'http://legacy.internal:8080', allowInsecureOrigins: ['http://legacy.internal:8080'] }),
    ).not.toThrow();
    expect(configError({ origins: 'http://legacy.internal:8080', allowInsecureOrigins: ['http://legacy.internal:9090'] }).field).toBe('origins');
  });

  test('a credential that does not implement the contract is a TypeError', () => {
    expect(() => createSendLoop({} as never, { origins: 'https://a.example.com' })).toThrow(TypeError);
    const noFlag = { ...apiKey({ key: 'k' }), requiresBody: undefined } as never;
    expect(() => createSendLoop(noFlag, { origins: 'https://a.example.com' })).toThrow(TypeError);
  });
});
