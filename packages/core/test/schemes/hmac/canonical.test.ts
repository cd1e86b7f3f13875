import { describe, expect, test } from 'vitest';
import { canonicalPath, canonicalQuery, percentDecode, percentEncode } from '@signet/core/hmac';

// Expected values are derived by hand from the rules in docs/schemes/hmac.md (RFC 3986 §2.1, §2.3).
describe('canonicalQuery', () => {
  test.each([
    ['', ''],
    ['?', ''],
    ['?a=1', 'a=1'],
    ['?b=2&a=1', 'a=1&b=2'],
    ['?a=2&a=1&a=10', 'a=1&a=10&a=2'], // repeated names kept, sorted by value as text
    ['?flag', 'flag='], // a key without "=" has an empty value
    ['?empty=&x=1', 'empty=&x=1'],
    ['?a=%7e&b=~', 'a=~&b=~'], // unreserved characters are never encoded
    ['?q=a%20b', 'q=a%20b'],
    ['?q=a+b', 'q=a%2Bb'], // "+" is a literal plus in a URL, not a space
    ['?q=a%2bb', 'q=a%2Bb'], // escapes come out upper-case
    ['?q=*', 'q=%2A'], // "*" is reserved, so it is encoded
    ['?q=%C3%A9', 'q=%C3%A9'],
    ['?q=é', 'q=%C3%A9'], // raw unicode encodes as UTF-8
    ['?%E2%9C%93=1', '%E2%9C%93=1'],
    ['?a=1&&b=2', 'a=1&b=2'], // empty pairs are dropped
    ['?a=b=c', 'a=b%3Dc'], // split at the first "=" only
    ['?p=100%', 'p=100%25'], // a stray "%" is literal
    ['?Z=1&a=1', 'Z=1&a=1'], // byte order: upper-case before lower-case
    ['?a-b=1&a=2', 'a=2&a-b=1'], // a name before any longer name it begins (by name first, then value)
    ['?a.=1&a=9&a0=1', 'a=9&a.=1&a0=1'], // even when the next character sorts below "="
    ['?a=2&a', 'a=&a=2'], // an empty value before any other
    ['?k19=1&k18=1&k17=1&k16=1&k15=1&k14=1&k13=1&k12=1&k11=1&k10=1&k9=1&k8=1&k7=1&k6=1&k5=1&k4=1&k3=1&k2=1&k1=1', 'k1=1&k10=1&k11=1&k12=1&k13=1&k14=1&k15=1&k16=1&k17=1&k18=1&k19=1&k2=1&k3=1&k4=1&k5=1&k6=1&k7=1&k8=1&k9=1'], // a long query (the built-in sort)
    ['?&&', ''], // nothing but separators
  ])('%s → %s', (search, expected) => {
    expect(canonicalQuery(search)).toBe(expected);
  });

  test('one call never carries pairs into the next (the sort keys are kept between calls)', () => {
    const long = Array.from({ length: 20 }, (_, i) => `k${i}=${i}`).join('&');
    expect(canonicalQuery(`?${long}`).split('&')).toHaveLength(20);
    expect(canonicalQuery('?b=2&a=1&c=3')).toBe('a=1&b=2&c=3');
    expect(canonicalQuery('?z=9')).toBe('z=9');
    expect(canonicalQuery('?&')).toBe('');
    expect(canonicalQuery('?y=1&x=2')).toBe('x=2&y=1');
  });
});

describe('canonicalPath', () => {
  test.each([
    ['', '/'],
    ['/', '/'],
    ['/v1/orders', '/v1/orders'],
    ['/a%7eb', '/a~b'],
    ['/a~b', '/a~b'],
    ['/c%2Fd', '/c%2Fd'], // an encoded slash stays distinct from a separator
    ['/caf%C3%A9', '/caf%C3%A9'],
    ['/a%20b/', '/a%20b/'],
    ['/a:b@c', '/a%3Ab%40c'],
  ])('%s → %s', (path, expected) => {
    expect(canonicalPath(path)).toBe(expected);
  });
});

describe('percent encoding', () => {
  test('encodes everything but unreserved characters, as UTF-8 upper-case hex', () => {
    expect(percentEncode("AZaz09-._~ !*'()/?#[]@+,;=%")).toBe('AZaz09-._~%20%21%2A%27%28%29%2F%3F%23%5B%5D%40%2B%2C%3B%3D%25');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
  });

  test('decodes valid escapes and leaves invalid ones literal', () => {
    expect(percentDecode('a%20b%2Bc+d')).toBe('a b+c+d');
    expect(percentDecode('%zz%41')).toBe('%zzA');
    expect(percentDecode('%FF%41')).toBe('%FF%41');
  });
});
