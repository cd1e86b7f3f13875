// The README's quick start is this example, verbatim, and it runs. The network is msw answering
// with the real verifier, because the snippet names a public origin; loopback round trips are
// covered in packages/fetch/test/loopback.test.ts.
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { verifierHandlers } from '@signet/verifier/msw';

const example = readFileSync(new URL('../quickstart.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

const KEY = 'sk_quickstart_example';
const server = setupServer(...verifierHandlers(createVerifier({ apiKey: { clients: { 'quickstart-user': KEY } } }), { origin: 'https://api.example.com' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('the README quick start is examples/quickstart/quickstart.ts, word for word', () => {
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Quick start')));
  expect(block?.[1]).toBe(example);
});

test('the quick start runs and the verifier accepts its request', async () => {
  vi.stubEnv('API_KEY', KEY);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('../quickstart.js');
  expect(log).toHaveBeenCalledWith(200, expect.objectContaining({ verified: true, identity: 'quickstart-user', path: '/v1/orders' }));
  log.mockRestore();
  vi.unstubAllEnvs();
});
