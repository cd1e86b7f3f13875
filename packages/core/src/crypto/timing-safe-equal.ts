/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they
 * differ. Compare digests (equal length) rather than raw secrets, so not even the length leaks.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i % Math.max(b.length, 1)] ?? 0);
  return difference === 0;
}
