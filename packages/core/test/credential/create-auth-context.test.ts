import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, platformCrypto, SignetConfigError, type SignetEvent } from '@signet/core';

describe('createAuthContext', () => {
  test('uses what it is given', () => {
    const clock = createClock({ now: () => 42 });
    const signal = new AbortController().signal;
    const events: SignetEvent[] = [];
    const context = createAuthContext({ clock, nonce: () => 'n', signal, attempt: 2, onEvent: (e) => events.push(e) });
    expect([context.clock.now(), context.nonce(), context.signal, context.attempt]).toEqual([42, 'n', signal, 2]);
    context.emit({ type: 'clock.adjusted', offsetMs: 5 });
    expect(events).toEqual([{ type: 'clock.adjusted', offsetMs: 5 }]);
  });

  test('has production defaults: wall clock, random nonces, platform crypto, attempt 1', () => {
    const context = createAuthContext();
    expect(Math.abs(context.clock.now() - Date.now())).toBeLessThan(1000);
    expect(context.nonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(context.crypto).toBe(platformCrypto);
    expect([context.attempt, context.signal]).toEqual([1, undefined]);
  });

  test('a listener that throws cannot fail the caller', () => {
    const context = createAuthContext({
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    expect(() => context.emit({ type: 'clock.adjusted', offsetMs: 1 })).not.toThrow();
  });

  test('bad callbacks are refused, naming the field', () => {
    expect(() => createAuthContext({ nonce: 'x' as never })).toThrow(SignetConfigError);
    expect(() => createAuthContext({ onEvent: 1 as never })).toThrow(/^onEvent: /);
  });
});
