import { describe, expect, it } from 'vitest';
import { type SignableRequest, SigningHeaders, withHeader, withHeaders } from '@signet/core';

const callerHeaders = () => new SigningHeaders({ accept: 'application/json', authorization: 'Caller token', 'x-trace': 't-1' });

describe('SigningHeaders', () => {
  it('outside an attempt it is an ordinary Headers: writes stay, and endAttempt undoes nothing', () => {
    const headers = callerHeaders();
    headers.set('x-added', '1');
    headers.delete('x-trace');
    headers.endAttempt();
    expect(headers.inAttempt).toBe(false);
    expect([...headers]).toEqual([
      ['accept', 'application/json'],
      ['authorization', 'Caller token'],
      ['x-added', '1'],
    ]);
  });

  it("endAttempt puts back every header the attempt wrote: added, replaced, deleted, appended, in any case", () => {
    const headers = callerHeaders();
    const before = [...headers];
    headers.beginAttempt();
    expect(headers.inAttempt).toBe(true);
    headers.set('Authorization', 'HMAC-SHA256 first');
    headers.set('authorization', 'HMAC-SHA256 second');
    headers.set('x-signature-date', '1700000000');
    headers.delete('X-Trace');
    headers.append('accept', 'text/plain');
    expect(headers.get('accept')).toBe('application/json, text/plain');
    headers.endAttempt();
    expect(headers.inAttempt).toBe(false);
    expect([...headers]).toEqual(before);
  });

  it('beginAttempt undoes the previous attempt before recording the next', () => {
    const headers = callerHeaders();
    headers.beginAttempt();
    headers.set('dpop', 'proof-1');
    headers.beginAttempt();
    expect(headers.has('dpop')).toBe(false);
    headers.set('x-proof', '2');
    headers.endAttempt();
    expect(headers.has('x-proof')).toBe(false);
    expect(headers.get('authorization')).toBe('Caller token');
  });

  it("an invalid name still throws Headers' own TypeError, and changes nothing", () => {
    const headers = callerHeaders();
    headers.beginAttempt();
    expect(() => headers.set('bad name', 'x')).toThrow(TypeError);
    expect(() => headers.set('x-ok', 'bad\nvalue')).toThrow(TypeError);
    headers.endAttempt();
    expect([...headers]).toEqual([...callerHeaders()]);
  });

  it('copies like any Headers: a copy taken in an attempt is a plain snapshot', () => {
    const headers = callerHeaders();
    headers.beginAttempt();
    headers.set('authorization', 'Bearer signed');
    const copy = new Headers(headers);
    headers.endAttempt();
    expect(copy.get('authorization')).toBe('Bearer signed');
    expect(headers.get('authorization')).toBe('Caller token');
  });
});

describe('withHeader / withHeaders on headers the send loop owns', () => {
  const request = (headers: Headers): SignableRequest => ({ method: 'GET', url: new URL('https://api.example.com/'), headers, body: undefined });

  it('in an attempt they write in place and return the request itself (no copy)', () => {
    const headers = callerHeaders();
    headers.beginAttempt();
    const original = request(headers);
    const one = withHeader(original, 'authorization', 'Bearer a');
    const two = withHeaders(one, { dpop: 'proof', 'x-extra': '1' });
    expect(one).toBe(original);
    expect(two).toBe(original);
    expect(headers.get('authorization')).toBe('Bearer a');
    expect(headers.get('dpop')).toBe('proof');
    headers.endAttempt();
    expect([...headers]).toEqual([...callerHeaders()]);
  });

  it('outside an attempt, and on a plain Headers, they copy and leave the original alone', () => {
    for (const headers of [callerHeaders(), new Headers(callerHeaders())]) {
      const original = request(headers);
      const signed = withHeader(original, 'authorization', 'Bearer a');
      const both = withHeaders(original, { dpop: 'proof' });
      expect(signed).not.toBe(original);
      expect(signed.headers).not.toBe(headers);
      expect(both.headers).not.toBe(headers);
      expect(signed.headers.get('authorization')).toBe('Bearer a');
      expect(headers.get('authorization')).toBe('Caller token');
      expect(headers.has('dpop')).toBe(false);
    }
  });
});
