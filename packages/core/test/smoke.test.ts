import { expect, test } from 'vitest';
import { apiKey, platformCrypto } from '@signet/core';
test('smoke', async () => {
  expect(apiKey({ key: 'k' }).scheme).toBe('api-key');
  expect((await platformCrypto.sha256(new Uint8Array())).length).toBe(32);
  expect(platformCrypto.randomBytes.toString()).toContain('randomFill');
});
