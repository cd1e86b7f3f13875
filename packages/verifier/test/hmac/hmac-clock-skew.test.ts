// A client whose clock is off by minutes is refused once, learns the server's time from the
// challenge, re-signs, and gets in: exactly two sends, whatever the skew.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createClock, createSendLoop, type OutgoingRequest, type SignetEvent, type TransportResponse } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { createVerifier, createVerifierHandler } from '@signet/verifier';

const SECRET = 'clock-skew-test-secret-0123456789-abcdef';
const SERVER_NOW = 1_700_000_000_000;

/** The verifier's own handler as the transport: in process, the real verification, no network. */
function verifierTransport(serverNow: () => number) {
  const handle = createVerifierHandler(createVerifier({ now: serverNow, hmac: { keys: { k: SECRET } } }));
  const statuses: number[] = [];
  const transport = async (request: OutgoingRequest<unknown>): Promise<TransportResponse<Response>> => {
    const response = await handle(new Request(request.url, { method: request.method, headers: request.headers }));
    statuses.push(response.status);
    return { status: response.status, headers: response.headers, raw: response, discard: () => undefined };
  };
  return { transport, statuses };
}

describe('HMAC clock skew', () => {
  test('any skew of minutes either way recovers after exactly one re-sign', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 301, max: 6 * 3600 }), fc.boolean(), async (skewSeconds, behind) => {
        const localNow = SERVER_NOW + (behind ? -1 : 1) * skewSeconds * 1000;
        const events: SignetEvent[] = [];
        const loop = createSendLoop(hmac({ keyId: 'k', secret: SECRET }), {
          origins: 'https://api.example.com',
          clock: createClock({ now: () => localNow }),
          onEvent: (e) => events.push(e),
        });
        const server = verifierTransport(() => SERVER_NOW);
        const response = await loop.send({ method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers(), body: undefined }, server.transport);
        expect(response.status).toBe(200);
        expect(server.statuses).toEqual([401, 200]);
        expect(Math.abs(localNow + loop.clock.offsetMs - SERVER_NOW)).toBeLessThanOrEqual(1000);
        expect(events.map((e) => e.type)).toEqual(['clock.adjusted', 'auth.retry']);
      }),
      { numRuns: 50 },
    );
  });

  test('a refusal for another reason is not retried', async () => {
    const loop = createSendLoop(hmac({ keyId: 'k', secret: 'a-different-secret-0123456789-abcdef!!' }), {
      origins: 'https://api.example.com',
      clock: createClock({ now: () => SERVER_NOW }),
    });
    const server = verifierTransport(() => SERVER_NOW);
    const response = await loop.send({ method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers(), body: undefined }, server.transport);
    expect(response.status).toBe(401);
    expect(server.statuses).toEqual([401]);
  });
});

describe('RFC 9421 signatures recover from clock skew the same way', () => {
  test('a client 10 minutes fast is refused once with the server time, re-signs, and gets in', async () => {
    const { httpSignature } = await import('@signet/core/http-signatures');
    const handle = createVerifierHandler(createVerifier({ now: () => SERVER_NOW, httpSignature: { keys: { k: { algorithm: 'hmac-sha256', key: SECRET } } } }));
    const statuses: number[] = [];
    const transport = async (request: OutgoingRequest<unknown>): Promise<TransportResponse<Response>> => {
      const response = await handle(new Request(request.url, { method: request.method, headers: request.headers }));
      statuses.push(response.status);
      return { status: response.status, headers: response.headers, raw: response, discard: () => undefined };
    };
    const loop = createSendLoop(httpSignature({ keyId: 'k', algorithm: 'hmac-sha256', key: SECRET }), {
      origins: 'https://api.example.com',
      clock: createClock({ now: () => SERVER_NOW + 600_000 }),
    });
    const response = await loop.send({ method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers(), body: undefined }, transport);
    expect(response.status).toBe(200);
    expect(statuses).toEqual([401, 200]);
  });
});
