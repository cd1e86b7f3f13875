import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock, platformCrypto, SignetConfigError, type SignetEvent } from '@signet/core';

// 22 base64url characters without padding carry 16 bytes (RFC 4648 §5).
function base64urlDecodedLength(text: string): number {
  expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  return Math.floor((text.length * 6) / 8);
}

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

  test('default nonces are 128 random bits, never repeated; a crypto the caller supplies is asked for the bytes', () => {
    const context = createAuthContext();
    const nonces = new Set(Array.from({ length: 1000 }, () => context.nonce())); // wraps the 4 KiB pool
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(base64urlDecodedLength(nonce)).toBe(16);
    let asked = 0;
    const counting = { ...platformCrypto, randomBytes: (length: number) => (asked++, new Uint8Array(length).fill(0xfb)) };
    expect(createAuthContext({ crypto: counting }).nonce()).toBe('-_v7-_v7-_v7-_v7-_v7-w');
    expect(asked).toBe(1);
  });

  test("nonces still work beside an older copy of this package, whose platform crypto has the sync digests but no pool nonce", () => {
    const older = { ...platformCrypto };
    Object.defineProperty(older, Symbol.for('@signet/core sync digests'), { value: { sha256: () => '', hmacSha256: () => '' } });
    expect(createAuthContext({ crypto: older }).nonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
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
