import { createSendLoop, type OutgoingRequest, type Transport } from '@signet/core';
import { dpop } from '@signet/core/dpop';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../tokens/support.js';

const ORIGIN = 'https://api.example.com';

/** A resource that records the DPoP headers it got and answers from a script. */
function resource(answer: (index: number, proof: string | null) => { status: number; headers?: Record<string, string> }) {
  const sent: { authorization: string | null; dpop: string | null }[] = [];
  const transport: Transport<unknown, number> = async (request: OutgoingRequest) => {
    const proof = request.headers.get('dpop');
    const index = sent.push({ authorization: request.headers.get('authorization'), dpop: proof }) - 1;
    const reply = answer(index, proof);
    return { status: reply.status, headers: new Headers(reply.headers), raw: reply.status, discard: () => undefined };
  };
  return { sent, transport };
}

async function verifyProof(proof: string, now: number) {
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', currentDate: new Date(now) });
  return { payload, protectedHeader };
}

const boundToken = async () => ({ accessToken: 'access-token-1', expiresIn: 300, tokenType: 'DPoP' });

describe('dpop()', () => {
  it('sends Authorization: DPoP with a proof per request: typ, jwk, htm, htu without query, iat from the clock, unique jti, ath (RFC 9449 §4.2)', async () => {
    const time = manualClock(1_700_000_000_000);
    let n = 0;
    const loop = createSendLoop(dpop(boundToken), { origins: ORIGIN, clock: time.clock, nonce: () => `jti-${++n}` });
    const server = resource(() => ({ status: 200 }));
    const request = (path: string): OutgoingRequest => ({ method: 'POST', url: new URL(`${ORIGIN}${path}`), headers: new Headers(), body: undefined });
    await loop.send(request('/orders?id=7#frag'), server.transport);
    await loop.send(request('/orders'), server.transport);
    const [first, second] = server.sent;
    expect(first?.authorization).toBe('DPoP access-token-1');
    const { payload, protectedHeader } = await verifyProof(first!.dpop!, time.clock.now());
    expect(protectedHeader.alg).toBe('ES256');
    expect(Object.keys(protectedHeader.jwk!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    // ath = base64url(SHA-256("access-token-1")), computed independently here.
    const ath = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('access-token-1'))).toString('base64url');
    expect(payload).toEqual({ jti: payload.jti, htm: 'POST', htu: `${ORIGIN}/orders`, iat: 1_700_000_000, ath });
    const other = await verifyProof(second!.dpop!, time.clock.now());
    expect(other.payload.jti).not.toBe(payload.jti);
    // The same key for both proofs: the token stays bound to one key.
    expect(await calculateJwkThumbprint(decodeProtectedHeader(second!.dpop!).jwk!)).toBe(await calculateJwkThumbprint(protectedHeader.jwk!));
  });

  it('a resource use_dpop_nonce gets one re-send carrying the nonce, and later requests reuse it (RFC 9449 §9)', async () => {
    const time = manualClock();
    const loop = createSendLoop(dpop(boundToken), { origins: ORIGIN, clock: time.clock });
    const server = resource((index) =>
      index === 0 ? { status: 401, headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"', 'dpop-nonce': 'eyJ7S_zG.eyJH0-Z.HX4w-7v' } } : { status: 200 },
    );
    const get = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined });
    expect(await loop.send(get(), server.transport)).toBe(200);
    expect(await loop.send(get(), server.transport)).toBe(200);
    const nonces = await Promise.all(server.sent.map(async (sent) => (await verifyProof(sent.dpop!, time.clock.now())).payload.nonce));
    expect(nonces).toEqual([undefined, 'eyJ7S_zG.eyJH0-Z.HX4w-7v', 'eyJ7S_zG.eyJH0-Z.HX4w-7v']);
  });

  it('a repeated use_dpop_nonce with the same nonce is not re-sent again (no nonce loop)', async () => {
    const loop = createSendLoop(dpop(boundToken), { origins: ORIGIN });
    const server = resource(() => ({ status: 401, headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n-1' } }));
    const get = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined });
    expect(await loop.send(get(), server.transport)).toBe(401);
    expect(server.sent).toHaveLength(2);
  });

  it('strips the DPoP proof and the token on a cross-origin redirect', async () => {
    const credential = dpop(boundToken);
    expect(credential.sensitiveHeaders).toContain('dpop');
    const loop = createSendLoop(credential, { origins: ORIGIN });
    const server = resource((index) => (index === 0 ? { status: 307, headers: { location: 'https://elsewhere.example/x' } } : { status: 200 }));
    await loop.send({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined }, server.transport);
    expect(server.sent[1]).toEqual({ authorization: null, dpop: null });
  });

  it('refuses a token that is not DPoP-bound', async () => {
    const loop = createSendLoop(dpop(async () => ({ accessToken: 'plain', expiresIn: 60 })), { origins: ORIGIN });
    const server = resource(() => ({ status: 200 }));
    await expect(loop.send({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined }, server.transport)).rejects.toMatchObject({ code: 'token_request_failed' });
    expect(server.sent).toHaveLength(0);
  });
});

describe('dpop(): requests racing a new server nonce', () => {
  it('every request refused for lacking the nonce gets its one re-send, not only the one whose response taught it', async () => {
    const loop = createSendLoop(dpop(boundToken), { origins: ORIGIN });
    // Answer by what the proof carries, as a real resource does: the five first sends and their re-sends
    // interleave in whatever order proof signing finishes, so the answer must not depend on arrival order.
    const server = resource((_, proof) =>
      decodeJwt(proof!).nonce === 'n-1' ? { status: 200 } : { status: 401, headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n-1' } },
    );
    const get = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => loop.send(get(), server.transport)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(server.sent).toHaveLength(10);
    // Each of the five was refused once without the nonce, and re-sent once with it.
    const nonces = server.sent.map((sent) => decodeJwt(sent.dpop!).nonce);
    expect(nonces.filter((nonce) => nonce === undefined)).toHaveLength(5);
    expect(nonces.filter((nonce) => nonce === 'n-1')).toHaveLength(5);
  });
});
