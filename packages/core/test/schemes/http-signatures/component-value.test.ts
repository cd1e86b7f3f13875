import { describe, expect, test } from 'vitest';
import { componentValue } from '@signet/core/http-signatures';

const parts = (url: string, method = 'POST', headers: Record<string, string> = {}) => ({ method, url: new URL(url), headers: new Headers(headers) });

describe('componentValue: derived components (RFC 9421 §2.2)', () => {
  // The example request of §2.2: POST /path?param=value HTTP/1.1, Host: www.example.com.
  const request = parts('https://www.example.com/path?param=value');

  test.each([
    ['@method', 'POST'], // §2.2.1
    ['@target-uri', 'https://www.example.com/path?param=value'], // §2.2.2
    ['@authority', 'www.example.com'], // §2.2.3
    ['@scheme', 'https'], // §2.2.4
    ['@request-target', '/path?param=value'], // §2.2.5
    ['@path', '/path'], // §2.2.6
    ['@query', '?param=value'], // §2.2.7
  ])('%s', (name, value) => {
    expect(componentValue(request, name)).toBe(value);
  });

  test('@query keeps the exact encoding (§2.2.7 examples)', () => {
    expect(componentValue(parts('https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman'), '@query')).toBe('?param=value&foo=bar&baz=bat%2Dman');
    expect(componentValue(parts('https://www.example.com/path?queryString'), '@query')).toBe('?queryString');
  });

  test('@query with no query, or an empty one, is "?" alone (§2.2.7)', () => {
    expect(componentValue(parts('https://www.example.com/path'), '@query')).toBe('?');
    expect(componentValue(parts('https://www.example.com/path?'), '@query')).toBe('?');
  });

  test('@authority is lower-case and drops the default port; keeps another one', () => {
    expect(componentValue(parts('https://WWW.Example.COM:443/'), '@authority')).toBe('www.example.com');
    expect(componentValue(parts('http://example.com:8080/'), '@authority')).toBe('example.com:8080');
  });

  test('@target-uri never carries a fragment; @path of an empty path is "/"', () => {
    expect(componentValue(parts('https://example.com/a?b=c#frag'), '@target-uri')).toBe('https://example.com/a?b=c');
    expect(componentValue(parts('https://example.com'), '@path')).toBe('/');
  });

  test('an unsupported derived component is an error, not a silent empty value', () => {
    expect(() => componentValue(request, '@status')).toThrow(/not supported/);
  });
});

describe('componentValue: fields (RFC 9421 §2.1)', () => {
  test('several lines of one field are combined with ", ", each trimmed', () => {
    const headers = new Headers();
    headers.append('cache-control', '  max-age=60 ');
    headers.append('cache-control', 'must-revalidate');
    expect(componentValue({ method: 'GET', url: new URL('https://example.com/'), headers }, 'cache-control')).toBe('max-age=60, must-revalidate');
  });

  test('an absent field is undefined; an empty one is the empty string', () => {
    const request = parts('https://example.com/', 'GET', { 'x-empty': '' });
    expect(componentValue(request, 'x-absent')).toBeUndefined();
    expect(componentValue(request, 'x-empty')).toBe('');
  });
});
