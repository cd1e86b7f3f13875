import { describe, expect, it, vi } from 'vitest';
import { type SignableRequest, SigningHeaders, withHeader, withHeaders } from '@signet/core';

const callerHeaders = () => new SigningHeaders({ accept: 'application/json', authorization: 'Caller token', 'x-trace': 't-1' });

describe('SigningHeaders', () => {
  it('outside an attempt it is an ordinary Headers, and beforeAttempt is a plain copy', () => {
    const headers = callerHeaders();
    headers.set('x-added', '1');
    headers.delete('x-trace');
    expect(headers.inAttempt).toBe(false);
    const before = headers.beforeAttempt();
    expect(before).not.toBe(headers);
    expect([...before]).toEqual([
      ['accept', 'application/json'],
      ['authorization', 'Caller token'],
      ['x-added', '1'],
    ]);
  });

  it('beforeAttempt gives the headers without what the attempt wrote (added, replaced, deleted, appended, any case), and leaves these as sent', () => {
    const headers = callerHeaders();
    const original = [...headers];
    headers.beginAttempt();
    expect(headers.inAttempt).toBe(true);
    headers.set('Authorization', 'HMAC-SHA256 first');
    headers.set('authorization', 'HMAC-SHA256 second');
    headers.set('x-signature-date', '1700000000');
    headers.delete('X-Trace');
    headers.append('accept', 'text/plain');
    headers.endAttempt();
    expect(headers.inAttempt).toBe(false);
    const sent = [...headers];
    expect(sent).toEqual([
      ['accept', 'application/json, text/plain'],
      ['authorization', 'HMAC-SHA256 second'],
      ['x-signature-date', '1700000000'],
    ]);
    const next = headers.beforeAttempt();
    expect([...next]).toEqual(original);
    expect(next.inAttempt).toBe(false);
    // A copy is nobody's yet: the first send to claim it owns it.
    expect([next.claim(), next.claim()]).toEqual([true, false]);
    // What the attempt went out with is never changed afterwards.
    expect([...headers]).toEqual(sent);
  });

  it('writes outside an attempt are part of the request, not undone', () => {
    const headers = callerHeaders();
    headers.set('content-type', 'application/json'); // the loop's own, before any attempt
    headers.beginAttempt();
    headers.set('dpop', 'proof-1');
    headers.endAttempt();
    expect([...headers.beforeAttempt()]).toEqual([...callerHeaders(), ['content-type', 'application/json']].sort(([a], [b]) => (a! < b! ? -1 : 1)));
  });

  it("an invalid name still throws Headers' own TypeError, a non-string name works as on Headers, and neither corrupts the record", () => {
    const headers = callerHeaders();
    headers.beginAttempt();
    expect(() => headers.set('bad name', 'x')).toThrow(TypeError);
    expect(() => headers.set('x-ok', 'bad\nvalue')).toThrow(TypeError);
    headers.set(42 as unknown as string, 'numbers are names too');
    expect(headers.get('42')).toBe('numbers are names too');
    headers.endAttempt();
    expect([...headers.beforeAttempt()]).toEqual([...callerHeaders()]);
  });

  it('works where the Headers constructor calls this.append, as the whatwg-fetch polyfill does', async () => {
    // The subclass's private fields do not exist yet while Headers' constructor runs.
    class AppendingHeaders {
      readonly list = new Map<string, string>();
      constructor(init?: Record<string, string>) {
        for (const [name, value] of Object.entries(init ?? {})) this.append(name, value);
      }
      append(name: string, value: string): void {
        this.list.set(name.toLowerCase(), value);
      }
    }
    vi.stubGlobal('Headers', AppendingHeaders);
    vi.resetModules();
    try {
      const { SigningHeaders: Polyfilled } = await import('../../src/credential/signing-headers.js');
      const headers = new Polyfilled({ accept: 'x' });
      expect((headers as unknown as AppendingHeaders).list.get('accept')).toBe('x');
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
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
    expect([...headers.beforeAttempt()]).toEqual([...callerHeaders()]);
  });

  it('outside an attempt (before one, after one), and on a plain Headers, they copy and leave the original alone', () => {
    const sent = callerHeaders();
    sent.beginAttempt();
    sent.endAttempt();
    for (const headers of [callerHeaders(), sent, new Headers(callerHeaders())]) {
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
