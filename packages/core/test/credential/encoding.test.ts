import { describe, expect, it } from 'vitest';
import { base64, base64url, hex } from '../../src/encoding.js';

// Deterministic bytes (a linear congruential generator), so a failure reproduces.
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('base64, base64url, hex', () => {
  it('RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [text, encoded] of vectors) {
      const input = new TextEncoder().encode(text);
      expect(base64(input)).toBe(encoded);
      expect(base64url(input)).toBe(encoded.replace(/=+$/, ''));
    }
  });

  it('agree with Node Buffer for every length 0–100 and across the chunk boundary (30 000 bytes)', () => {
    for (const length of [...Array.from({ length: 101 }, (_, i) => i), 6143, 6144, 6145, 30_000]) {
      const input = bytes(length, length + 1);
      const buffer = Buffer.from(input);
      expect(base64(input)).toBe(buffer.toString('base64'));
      expect(base64url(input)).toBe(buffer.toString('base64url'));
      expect(hex(input)).toBe(buffer.toString('hex'));
    }
  });

  it('base64url uses - and _ where base64 uses + and /', () => {
    const input = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(base64(input)).toBe('+/+/');
    expect(base64url(input)).toBe('-_-_');
  });
});
