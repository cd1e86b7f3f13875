// Runs the node-http example against the real verifier on loopback.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { listOrdersWithUndici, partnerDispatcher, placeOrderWithNodeHttp } from '../node-http.js';

const SECRET = 'example-partner-secret-0123456789-abcdef';
let server: VerifierServer;
beforeAll(async () => {
  server = await startVerifierServer({ verifier: createVerifier({ hmac: { keys: { 'partner-42': SECRET } } }) });
});
afterAll(() => server.close());

test('the node:http half signs a JSON POST the verifier accepts', async () => {
  const config = { origin: server.origin, keyId: 'partner-42', secret: SECRET };
  expect(await placeOrderWithNodeHttp(config)).toMatchObject({ verified: true, scheme: 'hmac', identity: 'partner-42', method: 'POST', bodyBytes: 21 });
});

test('the undici half signs a GET the verifier accepts, and a wrong secret is refused', async () => {
  const dispatcher = partnerDispatcher({ origin: server.origin, keyId: 'partner-42', secret: SECRET });
  expect(await listOrdersWithUndici(server.origin, dispatcher)).toMatchObject({ verified: true, identity: 'partner-42', path: '/orders' });
  const wrong = partnerDispatcher({ origin: server.origin, keyId: 'partner-42', secret: 'not-the-secret-0123456789-abcdefghij' });
  await expect(listOrdersWithUndici(server.origin, wrong)).rejects.toThrow('HTTP 401');
  await Promise.all([dispatcher.close(), wrong.close()]);
});
