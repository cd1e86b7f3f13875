import { base64url, createMemoryNonceStore, platformCrypto } from '@signet/core';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import { normalizeHtu } from '../../src/oauth2/normalize-htu.js';
import { DEFAULT_DPOP_ALGORITHMS, verifyDpopProof } from '../../src/oauth2/verify-dpop-proof.js';
import { decodePayload, dpopProof, fakeClock, ISSUER, json, testKey, TOKEN_URL, tokenRequest } from './support.js';

// RFC 9449 §4.1 Figure 2 (the proof of a token request) and §6.1 Figure 9 (its key's jkt).
const RFC_PROOF =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg';
const RFC_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I';

describe('published vectors', () => {
  it('RFC 7638 §3.1: the JWK thumbprint example', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await calculateJwkThumbprint(jwk, 'sha256')).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('RFC 9449 §7.1: ath of the example access token', async () => {
    expect(base64url(await platformCrypto.sha256('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'))).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
  });

  it('RFC 9449 Figure 2: the example proof verifies at its token endpoint, with the Figure 9 jkt, once', async () => {
    const check = {
      proof: RFC_PROOF,
      method: 'POST',
      url: new URL('https://server.example.com/token'),
      nowMs: 1_562_262_616_000,
      iatWindowSeconds: 60,
      jtiStore: createMemoryNonceStore({ now: () => 1_562_262_616_000 }),
      jtiPrefix: 'test',
      algorithms: DEFAULT_DPOP_ALGORITHMS,
      crypto: platformCrypto,
    };
    expect(await verifyDpopProof(check)).toMatchObject({ ok: true, jkt: RFC_JKT });
    expect(await verifyDpopProof(check)).toMatchObject({ ok: false, failure: 'replayed' });
    // The same proof is refused for another URI, method or time.
    expect(await verifyDpopProof({ ...check, url: new URL('https://server.example.com/other') })).toMatchObject({ ok: false, failure: 'invalid_dpop_proof' });
    expect(await verifyDpopProof({ ...check, method: 'GET' })).toMatchObject({ ok: false, failure: 'invalid_dpop_proof' });
    expect(await verifyDpopProof({ ...check, nowMs: check.nowMs + 61_000 })).toMatchObject({ ok: false, description: 'the DPoP proof iat is outside the accepted window' });
  });

  it('htu is compared without query and fragment, after RFC 3986 normalisation (RFC 9449 §4.3)', () => {
    expect(normalizeHtu('HTTPS://Server.Example.COM:443/%7euser/a%2fb?q=1#f')).toBe('https://server.example.com/~user/a%2Fb');
    expect(normalizeHtu('https://server.example.com')).toBe('https://server.example.com/');
    expect(normalizeHtu('https://server.example.com:8443/token')).not.toBe(normalizeHtu('https://server.example.com/token'));
    expect(normalizeHtu('ftp://server.example.com/')).toBeUndefined();
  });
});

function setup(dpop: { nonce?: boolean; rotateNonceAfterSeconds?: number } = {}) {
  const clock = fakeClock();
  const server = createAuthorizationServer({
    issuer: ISSUER,
    now: clock.now,
    dpop,
    clients: { app: { secret: 'app-secret' }, strict: { secret: 'strict-secret', requireDpop: true }, spa: {} },
  });
  const credentials = { grant_type: 'client_credentials', client_id: 'app', client_secret: 'app-secret' };
  return { clock, server, credentials };
}

describe('DPoP at the token endpoint (RFC 9449 §5)', () => {
  it('binds the access token to the proof key: cnf.jkt and token_type DPoP', async () => {
    const { server, clock, credentials } = setup();
    const key = await testKey();
    const response = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds() }) }));
    const body = await json(response);
    expect(body.token_type).toBe('DPoP');
    expect(decodePayload(body.access_token as string).cnf).toEqual({ jkt: key.jkt });
  });

  it.each([
    ['typ is not dpop+jwt', { typ: 'JWT' }, {}],
    ['htu names another endpoint', {}, { htu: `${ISSUER}/other` }],
    ['htm is not POST', {}, { htm: 'GET' }],
    ['iat is too old', {}, { iat: -61 }],
  ])('refuses a proof whose %s with invalid_dpop_proof', async (_, header, override) => {
    const { server, clock, credentials } = setup();
    const key = await testKey();
    const claims = { htm: 'POST', htu: TOKEN_URL, ...override, iat: clock.seconds() + ((override as { iat?: number }).iat ?? 0) };
    const response = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, claims, header) }));
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_dpop_proof');
  });

  it('refuses a proof signed by a key other than its jwk header, two proofs, and a replayed jti', async () => {
    const { server, clock, credentials } = setup();
    const [key, other] = [await testKey(), await testKey()];
    const forged = await dpopProof(other, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds() }, { jwk: key.jwk });
    expect((await json(await server.handle(tokenRequest(credentials, { dpop: forged })))).error).toBe('invalid_dpop_proof');
    const proof = await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds(), jti: 'once' });
    const two = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
    two.append('dpop', proof);
    two.append('dpop', proof);
    const doubled = new Request(TOKEN_URL, { method: 'POST', headers: two, body: new URLSearchParams(credentials) });
    expect(await json(await server.handle(doubled))).toMatchObject({ error: 'invalid_dpop_proof', error_description: 'the request has more than one DPoP header' });
    expect((await server.handle(tokenRequest(credentials, { dpop: proof }))).status).toBe(200);
    expect(await json(await server.handle(tokenRequest(credentials, { dpop: proof })))).toMatchObject({ error: 'invalid_dpop_proof', error_description: 'the DPoP proof jti was already used' });
  });

  it('a client registered with requireDpop must send a proof', async () => {
    const { server } = setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'strict', client_secret: 'strict-secret' }));
    expect(await json(response)).toMatchObject({ error: 'invalid_dpop_proof' });
  });

  it('server nonces: 400 use_dpop_nonce with DPoP-Nonce, then success, then rotation (RFC 9449 §8)', async () => {
    const { server, clock, credentials } = setup({ nonce: true, rotateNonceAfterSeconds: 30 });
    const key = await testKey();
    const first = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds() }) }));
    expect(first.status).toBe(400);
    expect(await json(first)).toMatchObject({ error: 'use_dpop_nonce' });
    const nonce = first.headers.get('dpop-nonce')!;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds(), nonce }) }));
    expect(second.status).toBe(200);
    expect(second.headers.get('dpop-nonce')).toBe(nonce);
    // After 30 s it rotates; the previous nonce is still accepted, and the answer carries the new one.
    clock.advance(30_000);
    const during = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds(), nonce }) }));
    expect(during.status).toBe(200);
    const rotated = during.headers.get('dpop-nonce')!;
    expect(rotated).not.toBe(nonce);
    // After a second rotation (here by hand) it is stale.
    server.rotateDpopNonce();
    const stale = await server.handle(tokenRequest(credentials, { dpop: await dpopProof(key, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds(), nonce }) }));
    expect(await json(stale)).toMatchObject({ error: 'use_dpop_nonce', error_description: 'the DPoP nonce is stale' });
    expect([nonce, rotated]).not.toContain(stale.headers.get('dpop-nonce'));
    expect(server.counters.dpopNonceChallenges).toBe(2);
  });

  it("a public client's refresh token is bound to its DPoP key (RFC 9449 §5)", async () => {
    const { server, clock } = setup();
    const [key, thief] = [await testKey(), await testKey()];
    const seed = server.issueRefreshToken({ clientId: 'spa', scope: 'read', jkt: key.jkt });
    const form = (token: string) => ({ grant_type: 'refresh_token', client_id: 'spa', refresh_token: token });
    const proof = (k: typeof key) => dpopProof(k, { htm: 'POST', htu: TOKEN_URL, iat: clock.seconds() });
    expect(await json(await server.handle(tokenRequest(form(seed), { dpop: await proof(thief) })))).toEqual({
      error: 'invalid_grant',
      error_description: 'the refresh token is bound to another DPoP key',
    });
    expect((await json(await server.handle(tokenRequest(form(seed))))).error).toBe('invalid_grant');
    // The owner can still use it: the refused attempts did not spend it.
    const ok = await json(await server.handle(tokenRequest(form(seed), { dpop: await proof(key) })));
    expect(ok.token_type).toBe('DPoP');
    const next = await json(await server.handle(tokenRequest(form(ok.refresh_token as string), { dpop: await proof(thief) })));
    expect(next.error).toBe('invalid_grant');
  });
});
