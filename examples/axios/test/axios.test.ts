// Runs the axios example against the real verifier server on loopback.
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { createPartnerClient, listOrders, placeOrder } from '../axios.js';

const SECRET = 'example-partner-secret-0123456789-abcdef';
let server: VerifierServer;
beforeAll(async () => {
  server = await startVerifierServer({ verifier: createVerifier({ hmac: { keys: { 'partner-42': SECRET } } }) });
});
afterAll(() => server.close());

test('orders are signed over the JSON axios sends, and the partner verifies them', async () => {
  const api = createPartnerClient({ baseURL: server.origin, keyId: 'partner-42', secret: SECRET });
  expect(await placeOrder(api, { sku: 'A-1', qty: 2 })).toMatchObject({ verified: true, scheme: 'hmac', identity: 'partner-42', method: 'POST', bodyBytes: 21 });
  expect(await listOrders(api, 3)).toMatchObject({ verified: true, method: 'GET', path: '/orders' });
});

test('a wrong secret is refused with an AxiosError that is safe to log', async () => {
  const api = createPartnerClient({ baseURL: server.origin, keyId: 'partner-42', secret: 'not-the-partner-secret-0123456789-xyz' });
  const error = await placeOrder(api, { sku: 'A-1', qty: 2 }).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'AxiosError', status: 401, response: { data: { reason: 'signature_mismatch' } } });
  // The signature (derived from the secret) is in the Authorization header that was sent; the error has neither.
  expect(inspect(error, { depth: 10 })).not.toMatch(/signature="[0-9a-f]{64}"/);
  expect((error as { config: { headers: Record<string, unknown> } }).config.headers['authorization']).toBeUndefined();
});
