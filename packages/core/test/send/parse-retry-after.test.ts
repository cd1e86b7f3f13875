import { describe, expect, test } from 'vitest';
import { parseRetryAfter } from '../../src/send/parse-retry-after.js';

const NOW = Date.parse('Fri, 31 Dec 1999 23:59:00 GMT');

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  test.each([
    // The RFC's own two examples.
    ['Fri, 31 Dec 1999 23:59:59 GMT', 59_000],
    ['120', 120_000],
    ['0', 0],
    // The obsolete HTTP-date forms a recipient must accept (RFC 9110 §5.6.7).
    ['Friday, 31-Dec-99 23:59:30 GMT', 30_000],
    ['Fri Dec 31 23:59:10 1999', 10_000],
    // A date already past means "now", not a negative wait.
    ['Fri, 31 Dec 1999 23:00:00 GMT', 0],
  ])('%j → %d ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  test.each([[null], [''], ['-1'], ['1.5'], ['soon'], ['2000-01-01T00:00:00Z'], ['Fri, 99 Foo 1999 GMT']])('%j is not a Retry-After value', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  test('an absurdly long number of seconds is "longer than any cap", not a parse failure', () => {
    expect(parseRetryAfter('9'.repeat(30), NOW)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
