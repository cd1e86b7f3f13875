import { describe, expect, it } from 'vitest';
import { type SignableRequest, withHeader, withHeaders } from '@signet/core';

const request = (): SignableRequest => ({
  method: 'POST',
  url: new URL('https://api.example.com/orders?id=7'),
  headers: new Headers({ 'content-type': 'application/json', authorization: 'Old token' }),
  body: new TextEncoder().encode('{}'),
});

describe('withHeader / withHeaders', () => {
  it('withHeader returns a copy with the header set (replacing any), and leaves the original alone', () => {
    const original = request();
    const signed = withHeader(original, 'Authorization', 'Bearer new');
    expect(signed.headers.get('authorization')).toBe('Bearer new');
    expect(signed.headers.get('content-type')).toBe('application/json');
    expect([signed.method, signed.url, signed.body]).toEqual([original.method, original.url, original.body]);
    expect(signed.headers).not.toBe(original.headers);
    expect(original.headers.get('authorization')).toBe('Old token');
  });

  it('withHeaders sets several, and agrees with withHeader for one', () => {
    const original = request();
    const both = withHeaders(original, { authorization: 'Bearer new', dpop: 'proof' });
    expect([...both.headers]).toEqual([
      ['authorization', 'Bearer new'],
      ['content-type', 'application/json'],
      ['dpop', 'proof'],
    ]);
    expect([...withHeaders(original, { authorization: 'x' }).headers]).toEqual([...withHeader(original, 'authorization', 'x').headers]);
    expect(original.headers.has('dpop')).toBe(false);
  });
});
