import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { apiKey, basic, combine, type Credential, createSendLoop, readBounded, redactRequest, SignetError } from '@signet/core';
import { fakeTransport, outgoing, streamBody } from '../support/fake-transport.js';

// A value that must never show up in any error, whichever way the error is printed.
const CANARY = 'CANARY-5ecr3t-9f2b7d';
const API = 'https://api.example.com';

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function everyRendering(error: unknown): string[] {
  const e = error as Error;
  return [e.message, String(e.stack), JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true }), String(error)];
}

const withCanary: Credential = combine(apiKey({ key: CANARY, header: 'X-API-Key' }), apiKey({ key: CANARY, query: 'api_key' }), basic({ username: 'u', password: CANARY }));
const alwaysRetry: Credential = { ...withCanary, onResponse: () => 'retry' };
const loop = (credential: Credential, maxRedirects = 20) => createSendLoop(credential, { origins: API, maxRedirects });
// The caller's own request carries the canary too: in a header it set and in the query.
const callerRequest = (init: Parameters<typeof outgoing>[1] = {}) =>
  outgoing(`${API}/x?token=${CANARY}`, { ...init, headers: { authorization: `Bearer ${CANARY}`, 'x-trace': CANARY, ...init.headers } });

const cases: Array<[string, () => unknown]> = [
  ['apiKey key with a control character', () => apiKey({ key: `${CANARY}\n` })],
  ['apiKey with an invalid header name', () => apiKey({ key: CANARY, header: `${CANARY} bad` })],
  ['basic password with a control character', () => basic({ username: 'u', password: `${CANARY}\u0000` })],
  ['an https → http redirect', () => loop(withCanary).send(callerRequest(), fakeTransport(() => ({ status: 302, headers: { location: `http://api.example.com/?k=${CANARY}` } })).transport)],
  ['a redirect loop', () => loop(withCanary, 2).send(callerRequest(), fakeTransport(() => ({ status: 302, headers: { location: `/again?k=${CANARY}` } })).transport)],
  ['redirect: error', () => loop(withCanary).send(callerRequest(), fakeTransport(() => ({ status: 302, headers: { location: '/' } })).transport, { redirect: 'error' })],
  ['a stream needed for an auth re-send', () => loop(alwaysRetry).send(callerRequest({ method: 'POST', body: streamBody() }), fakeTransport(() => ({ status: 401 })).transport)],
  ['a stream needed for a redirect', () => loop(withCanary).send(callerRequest({ method: 'POST', body: streamBody() }), fakeTransport(() => ({ status: 307, headers: { location: '/' } })).transport)],
  [
    'a body over the buffering bound',
    () => readBounded(new Blob([new Uint8Array(64)]).stream(), 10, redactRequest({ method: 'POST', url: new URL(`${API}/?k=${CANARY}`), headers: new Headers({ authorization: CANARY }) })),
  ],
];

describe('no secret reaches an error', () => {
  test.each(cases)('%s', async (_, run) => {
    const error = await caught(run);
    expect(error).toBeInstanceOf(SignetError);
    for (const text of everyRendering(error)) expect(text).not.toContain(CANARY);
  });

  test('the errors still say what happened: code, and a redacted request with names kept', async () => {
    const error = (await caught(cases[6]![1])) as SignetError;
    expect(error.code).toBe('body_not_replayable');
    expect(error.request).toMatchObject({ method: 'POST', url: `${API}/x?token=[redacted]&api_key=[redacted]` });
    expect(error.request?.headers).toMatchObject({ authorization: '[redacted]', 'x-api-key': '[redacted]', 'x-trace': '[redacted]' });
  });
});
