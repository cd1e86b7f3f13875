import { describe, expect, test } from 'vitest';
import { createClock } from '@signet/core';

describe('createClock', () => {
  let local = 1_000_000;
  const clock = () => createClock({ now: () => local });

  test('starts at local time with no offset, or the offset given', () => {
    local = 1_000_000;
    expect(clock().now()).toBe(1_000_000);
    expect(createClock({ now: () => local, offsetMs: -250 }).now()).toBe(999_750);
  });

  test('learns a server ahead by minutes and applies it to now()', () => {
    local = 1_000_000;
    const c = clock();
    expect(c.observeServerTime(1_000_000 + 300_000, 1000)).toBe(true);
    expect(c.offsetMs).toBe(300_500); // the middle of the one-second Date resolution
    local += 10;
    expect(c.now()).toBe(1_000_010 + 300_500);
  });

  test('ignores readings within their own precision, so Date headers do not jitter the offset', () => {
    local = 1_000_000;
    const c = clock();
    expect(c.observeServerTime(1_000_000 - 400, 1000)).toBe(false);
    expect(c.observeServerTime(1_000_000 + 400, 1000)).toBe(false);
    expect(c.offsetMs).toBe(0);
  });

  test('learns a server behind, and moves again when the server moves', () => {
    local = 1_000_000;
    const c = clock();
    c.observeServerTime(1_000_000 - 120_000);
    expect(c.offsetMs).toBe(-120_000);
    c.observeServerTime(1_000_000);
    expect(c.offsetMs).toBe(0);
  });

  test('ignores a reading that is not a number (an unparseable Date header)', () => {
    const c = clock();
    expect(c.observeServerTime(Number.NaN, 1000)).toBe(false);
    expect(c.offsetMs).toBe(0);
  });
});
