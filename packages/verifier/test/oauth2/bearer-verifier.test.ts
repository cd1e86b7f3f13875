import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/create-verifier.js';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import type { BearerPolicy } from '../../src/oauth2/bearer-policy.js';
import { dpopProof, fakeClock, ISSUER, json, testKey, tokenRequest } from './support.js';

const API = 'https://api.example';

async function setup(policy: Partial<BearerPolicy> = {}) {
  const clock = fakeClock();
  const as = createAuthorizationServer({ issuer: ISSUER, now: clock.now, audience: API, clients: { app: { secret: 'app-secret', scope: 'read write' } } });
  const verifier = createVerifier({ now: clock.now, bearer: { issuers: [as], audience: API, ...policy } });
  const token = async (options: { scope?: string; dpop?: Awaited<ReturnType<typeof testKey>>; certificate?: Uint8Array } = {}) => {
    const headers: Record<string, string> = options.dpop ? { dpop: await dpopProof(options.dpop, { htm: 'POST', htu: `${ISSUER}/token`, iat: clock.seconds() }) } : {};
    const form = { grant_type: 'client_credentials', client_id: 'app', client_secret: 'app-secret', ...(options.scope && { scope: options.scope }) };
    const response = await as.handle(tokenRequest(form, headers), options.certificate ? { clientCertificate: options.certificate } : {});
    return (await json(response)).access_token as string;
  };
  return { clock, as, verifier, token };
}

const get = (authorization: string, headers: Record<string, string> = {}, url = `${API}/orders?page=2`) =>
  new Request(url, { headers: { authorization, ...headers } });

describe('Bearer JWT access tokens (RFC 6750, RFC 9068 §4)', () => {
  it('accepts a token from the authorization server and reports its claims', async () => {
    const { verifier, token } = await setup({ requiredScope: 'read' });
    const result = await verifier.verify(get(`Bearer ${await token()}`));
    expect(result).toMatchObject({ ok: true, scheme: 'bearer', identity: 'app', claims: { client_id: 'app', scope: 'read write' } });
  });

  it('an expired token is token_expired with an invalid_token challenge (RFC 6750 §3)', async () => {
    const { verifier, token, clock } = await setup();
    const jwt = await token();
    clock.advance((300 + 29) * 1000); // inside lifetime + the default 30 s tolerance (jose: exp <= now - tolerance is expired)
    expect((await verifier.verify(get(`Bearer ${jwt}`))).ok).toBe(true);
    clock.advance(1000);
    const result = await verifier.verify(get(`Bearer ${jwt}`));
    expect(result).toMatchObject({ ok: false, scheme: 'bearer', reason: 'token_expired', status: 401 });
    expect(!result.ok && result.challenge).toBe(
      'Bearer realm="signet", error="invalid_token", error_description="the token expired", DPoP realm="signet", algs="ES256 ES384 PS256 RS256 EdDSA Ed25519"',
    );
  });

  it('a token for another audience, from an untrusted issuer, or signed by a key the issuer lacks is refused', async () => {
    const { as, token, clock } = await setup();
    const jwt = await token();
    const otherAudience = createVerifier({ now: clock.now, bearer: { issuers: [as], audience: 'https://other.example' } });
    expect(await otherAudience.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: false, reason: 'invalid_token', status: 401 });
    const otherIssuer = createVerifier({ now: clock.now, bearer: { issuers: [{ issuer: 'https://someone-else.example', keys: as }], audience: API } });
    expect(await otherIssuer.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: false, reason: 'invalid_token' });
    // Same issuer name, but another server's keys: the kid matches nothing.
    const { as: impostor } = await setup();
    const otherKeys = createVerifier({ now: clock.now, bearer: { issuers: [{ issuer: ISSUER, keys: impostor }], audience: API } });
    expect(await otherKeys.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: false, reason: 'unknown_key' });
  });

  it('an RFC 9068 issuer given as the server requires typ at+jwt', async () => {
    const { as, clock } = await setup();
    const key = await testKey('k');
    const verifier = createVerifier({ now: clock.now, bearer: { issuers: [as, { issuer: 'svc', keys: key.jwk, typ: 'at+jwt' }], audience: API } });
    const jwt = await new SignJWT({ iss: 'svc', sub: 'svc', aud: API, exp: clock.seconds() + 60 }).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k' }).sign(key.privateKey);
    expect(await verifier.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: false, reason: 'invalid_token' });
  });

  it('insufficient scope is 403 with the scope in the challenge', async () => {
    const { verifier, token } = await setup({ requiredScope: ['write'] });
    const result = await verifier.verify(get(`Bearer ${await token({ scope: 'read' })}`));
    expect(result).toMatchObject({ ok: false, reason: 'insufficient_scope', status: 403 });
    expect(!result.ok && result.challenge).toContain('Bearer realm="signet", error="insufficient_scope", error_description="the token lacks a required scope", scope="write"');
  });

  it('a malformed Authorization value is 400 invalid_request; a non-JWT token is refused', async () => {
    const { verifier } = await setup();
    expect(await verifier.verify(get('Bearer a b'))).toMatchObject({ reason: 'malformed_credentials', status: 400 });
    expect(await verifier.verify(get('Bearer abc.def'))).toMatchObject({ reason: 'malformed_credentials' });
  });

  it('a DPoP-bound token sent as Bearer is refused (RFC 9449 §7.2)', async () => {
    const { verifier, token } = await setup();
    const result = await verifier.verify(get(`Bearer ${await token({ dpop: await testKey() })}`));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_token' });
  });

  it('a certificate-bound token needs the same certificate (RFC 8705 §3)', async () => {
    const { verifier, token } = await setup();
    const certificate = new Uint8Array([48, 130, 1, 2, 3, 4]);
    const jwt = await token({ certificate });
    expect((await verifier.verify(get(`Bearer ${jwt}`), { clientCertificate: certificate })).ok).toBe(true);
    expect(await verifier.verify(get(`Bearer ${jwt}`))).toMatchObject({ reason: 'invalid_token' });
    expect(await verifier.verify(get(`Bearer ${jwt}`), { clientCertificate: new Uint8Array([48, 130, 9]) })).toMatchObject({ reason: 'invalid_token' });
  });
});

describe('self-signed client JWTs (the jwt() credential)', () => {
  async function selfSigned() {
    const clock = fakeClock();
    const key = await testKey('k1');
    const verifier = createVerifier({ now: clock.now, bearer: { issuers: [{ issuer: 'svc-a', keys: key.jwk, singleUse: true }], audience: API, dpop: false } });
    const sign = (claims: Record<string, unknown>, signer = key) =>
      new SignJWT({ iss: 'svc-a', sub: 'svc-a', aud: API, iat: clock.seconds(), exp: clock.seconds() + 60, ...claims })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' })
        .sign(signer.privateKey);
    return { clock, verifier, sign };
  }

  it('accepts one signed by the issuer key, and only once (jti replay)', async () => {
    const { verifier, sign } = await selfSigned();
    const jwt = await sign({ jti: 'j-1' });
    expect(await verifier.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: true, identity: 'svc-a' });
    expect(await verifier.verify(get(`Bearer ${jwt}`))).toMatchObject({ ok: false, reason: 'nonce_replay' });
    // With dpop: false only the Bearer challenge is offered.
    const result = await verifier.verify(get(`Bearer ${jwt}`));
    expect(!result.ok && result.challenge.startsWith('Bearer realm="signet", error="invalid_token"')).toBe(true);
    expect(!result.ok && result.challenge).not.toContain('DPoP');
  });

  it('refuses a JWT signed by an unknown key, one without jti, and an HS256 one', async () => {
    const { verifier, sign } = await selfSigned();
    const stranger = await testKey('k1');
    expect(await verifier.verify(get(`Bearer ${await sign({ jti: 'j-2' }, stranger)}`))).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    expect(await verifier.verify(get(`Bearer ${await sign({})}`))).toMatchObject({ ok: false, reason: 'invalid_token' });
    const hs = await new SignJWT({ iss: 'svc-a', aud: API, exp: 9_999_999_999, jti: 'h' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new Uint8Array(32));
    expect(await verifier.verify(get(`Bearer ${hs}`))).toMatchObject({ ok: false });
  });

  it('a forged JWT does not burn the jti of the real one', async () => {
    const { verifier, sign } = await selfSigned();
    const stranger = await testKey('k1');
    await verifier.verify(get(`Bearer ${await sign({ jti: 'shared' }, stranger)}`));
    expect((await verifier.verify(get(`Bearer ${await sign({ jti: 'shared' })}`))).ok).toBe(true);
  });
});

describe('DPoP at the resource (RFC 9449 §7)', () => {
  async function dpopSetup(nonce = false) {
    const ctx = await setup({ dpop: { nonce } });
    const key = await testKey();
    const jwt = await ctx.token({ dpop: key });
    const request = async (overrides: { htu?: string; htm?: string; accessToken?: string; nonce?: string; key?: typeof key; jti?: string } = {}) => {
      const proof = await dpopProof(overrides.key ?? key, {
        htm: overrides.htm ?? 'GET',
        htu: overrides.htu ?? `${API}/orders`,
        iat: ctx.clock.seconds(),
        accessToken: overrides.accessToken ?? jwt,
        ...(overrides.nonce && { nonce: overrides.nonce }),
        ...(overrides.jti && { jti: overrides.jti }),
      });
      return get(`DPoP ${jwt}`, { dpop: proof });
    };
    return { ...ctx, key, jwt, request };
  }

  it('accepts a proof bound to the token; the query is not part of htu', async () => {
    const { verifier, request } = await dpopSetup();
    expect(await verifier.verify(await request())).toMatchObject({ ok: true, scheme: 'dpop', identity: 'app' });
  });

  it.each([
    ['a wrong ath', { accessToken: 'another-token' }],
    ['another htu', { htu: `${API}/invoices` }],
    ['another htm', { htm: 'POST' }],
  ])('refuses %s as dpop_proof_invalid', async (_, overrides) => {
    const { verifier, request } = await dpopSetup();
    const result = await verifier.verify(await request(overrides));
    expect(result).toMatchObject({ ok: false, scheme: 'dpop', reason: 'dpop_proof_invalid', status: 401 });
    expect(!result.ok && result.challenge).toContain('DPoP realm="signet", algs="ES256 ES384 PS256 RS256 EdDSA Ed25519", error="invalid_dpop_proof"');
  });

  it('refuses a proof from another key (cnf.jkt), a missing proof, and a replayed proof', async () => {
    const { verifier, request, jwt } = await dpopSetup();
    expect(await verifier.verify(await request({ key: await testKey() }))).toMatchObject({ reason: 'invalid_token' });
    expect(await verifier.verify(get(`DPoP ${jwt}`))).toMatchObject({ reason: 'dpop_proof_invalid' });
    const replayed = await request({ jti: 'rs-1' });
    expect((await verifier.verify(replayed.clone())).ok).toBe(true);
    expect(await verifier.verify(replayed)).toMatchObject({ reason: 'nonce_replay' });
  });

  it('a token without cnf.jkt sent with the DPoP scheme is refused', async () => {
    const { verifier, token, clock } = await setup();
    const plain = await token();
    const key = await testKey();
    const proof = await dpopProof(key, { htm: 'GET', htu: `${API}/orders`, iat: clock.seconds(), accessToken: plain });
    expect(await verifier.verify(get(`DPoP ${plain}`, { dpop: proof }))).toMatchObject({ reason: 'invalid_token' });
  });

  it('resource nonces: 401 use_dpop_nonce with DPoP-Nonce, then accepted (RFC 9449 §9)', async () => {
    const { verifier, request } = await dpopSetup(true);
    const first = await verifier.verify(await request());
    expect(first).toMatchObject({ ok: false, reason: 'use_dpop_nonce', status: 401 });
    expect(!first.ok && first.challenge).toContain('error="use_dpop_nonce"');
    const nonce = first.headers?.['dpop-nonce'];
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await verifier.verify(await request({ nonce: nonce! }));
    expect(second).toMatchObject({ ok: true, headers: { 'dpop-nonce': nonce } });
  });

  it('dpop.required refuses plain Bearer tokens', async () => {
    const { verifier, token } = await setup({ dpop: { required: true } });
    expect(await verifier.verify(get(`Bearer ${await token()}`))).toMatchObject({ reason: 'invalid_token' });
  });
});

describe('bearer policy errors', () => {
  it.each([
    [{ issuers: [], audience: API }, 'bearer.issuers'],
    [{ issuers: [{ issuer: 'x', keys: { kty: 'oct', k: 'c2VjcmV0' } }], audience: API }, 'bearer.issuers[0].keys[0]'],
    [{ issuers: [{ issuer: 'x', keys: [] }], audience: API }, 'bearer.issuers[0].keys'],
    [{ issuers: [{ issuer: 'x', keys: { kty: 'EC' } }], audience: [] }, 'bearer.audience'],
    [{ issuers: [{ issuer: 'x', keys: { kty: 'EC' } }], audience: API, algorithms: ['HS256'] }, 'bearer.algorithms[0]'],
    [{ issuers: [{ issuer: 'x', keys: { kty: 'EC' } }], audience: API, requiredScope: 'a"b' }, 'bearer.requiredScope'],
  ])('%j names %s', (bearer, field) => {
    expect(() => createVerifier({ bearer: bearer as never })).toThrow(expect.objectContaining({ field }));
  });
});
