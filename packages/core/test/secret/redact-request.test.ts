import { describe, expect, test } from 'vitest';
import { redactRequest, redactUrl } from '@signet/core';

describe('redactUrl', () => {
  test('hides every query value, user info and the fragment, keeps names and path', () => {
    expect(redactUrl('https://user:pw@api.example.com/v1/x?api_key=SECRET&page=2&page=3#frag')).toBe(
      'https://api.example.com/v1/x?api_key=[redacted]&page=[redacted]&page=[redacted]',
    );
  });

  test('a URL without a query stays as it is', () => {
    expect(redactUrl(new URL('https://api.example.com/v1'))).toBe('https://api.example.com/v1');
  });

  test('an unparseable URL is hidden entirely', () => {
    expect(redactUrl('not a url SECRET')).toBe('[redacted]');
  });
});

describe('redactRequest', () => {
  test('keeps allow-listed header values and hides every other one', () => {
    const view = redactRequest({
      method: 'POST',
      url: new URL('https://api.example.com/x?token=SECRET'),
      headers: new Headers({ authorization: 'Bearer SECRET', 'x-api-key': 'SECRET', 'content-type': 'application/json', 'x-custom': 'SECRET' }),
    });
    expect(view).toEqual({
      method: 'POST',
      url: 'https://api.example.com/x?token=[redacted]',
      headers: { authorization: '[redacted]', 'content-type': 'application/json', 'x-api-key': '[redacted]', 'x-custom': '[redacted]' },
    });
    expect(JSON.stringify(view)).not.toContain('SECRET');
    expect(Object.isFrozen(view.headers)).toBe(true);
  });
});
