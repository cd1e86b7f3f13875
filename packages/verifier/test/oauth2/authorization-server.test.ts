import { SignetConfigError } from '@signet/core';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import { decodeClientSecretBasic } from '../../src/oauth2/decode-client-secret-basic.js';
import { basicAuth, decodePayload, fakeClock, ISSUER, json, testKey, TOKEN_URL, tokenRequest } from './support.js';

const SECRET = 'pa:ss word+%/é';

async function setup() {
  const clock = fakeClock();
  const clientKey = await testKey('app-key-1');
  const server = createAuthorizationServer({
    issuer: ISSUER,
    now: clock.now,
    audience: 'https://api.example',
    clients: {
      'svc:billing': { secret: SECRET, scope: 'read write' },
      signer: { jwks: [clientKey.jwk] },
      spa: {},
    },
  });
  return { clock, clientKey, server };
}

function assertion(key: CryptoKey, claims: Record<string, unknown>, exp: number) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'app-key-1' }).setExpirationTime(exp).sign(key);
}

describe('token endpoint: client authentication (RFC 6749 §2.3)', () => {
  it('client_secret_basic form-urlencodes id and secret before base64 (§2.3.1)', async () => {
    // A colon in the id and "+", "%", "/" and non-ASCII in the secret survive only with the encoding.
    expect(basicAuth('svc:billing', SECRET)).toBe(`Basic ${btoa('svc%3Abilling:pa%3Ass+word%2B%25%2F%C3%A9')}`);
    expect(decodeClientSecretBasic(btoa('svc%3Abilling:pa%3Ass+word%2B%25%2F%C3%A9'))).toEqual({ clientId: 'svc:billing', clientSecret: SECRET });
    const { server } = await setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials' }, { authorization: basicAuth('svc:billing', SECRET) }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'read write' });
    expect(body.refresh_token).toBeUndefined(); // RFC 6749 §4.4.3
  });

  it('client_secret_basic without the form encoding (a raw colon in the id) is refused', async () => {
    const { server } = await setup();
    const raw = `Basic ${btoa(`svc:billing:${SECRET}`)}`;
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials' }, { authorization: raw }));
    expect(response.status).toBe(401);
  });

  it('client_secret_post authenticates from the body', async () => {
    const { server } = await setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'svc:billing', client_secret: SECRET, scope: 'read' }));
    expect(response.status).toBe(200);
    expect((await json(response)).scope).toBe('read');
  });

  it('private_key_jwt accepts the token endpoint or the issuer as aud, and each jti once', async () => {
    const { server, clientKey, clock } = await setup();
    for (const aud of [TOKEN_URL, ISSUER]) {
      const jwt = await assertion(clientKey.privateKey, { iss: 'signer', sub: 'signer', aud, jti: `j-${aud}` }, clock.seconds() + 60);
      const form = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt };
      const first = await server.handle(tokenRequest(form));
      expect(first.status).toBe(200);
      const replay = await server.handle(tokenRequest(form));
      expect(replay.status).toBe(401);
      expect(await json(replay)).toEqual({ error: 'invalid_client', error_description: 'client_assertion jti was already used' });
    }
  });

  it.each([
    ['another audience', { iss: 'signer', sub: 'signer', aud: 'https://elsewhere.example', jti: 'a' }, 60],
    ['iss differing from sub', { iss: 'other', sub: 'signer', aud: TOKEN_URL, jti: 'b' }, 60],
    ['no jti', { iss: 'signer', sub: 'signer', aud: TOKEN_URL }, 60],
    ['expired beyond the tolerance', { iss: 'signer', sub: 'signer', aud: TOKEN_URL, jti: 'c' }, -31],
  ])('private_key_jwt refuses %s', async (_, claims, expIn) => {
    const { server, clientKey, clock } = await setup();
    const jwt = await assertion(clientKey.privateKey, claims, clock.seconds() + expIn);
    const response = await server.handle(
      tokenRequest({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
    );
    expect(response.status).toBe(401);
    expect((await json(response)).error).toBe('invalid_client');
    expect(response.headers.get('www-authenticate')).toBeNull(); // no Basic attempted
  });

  it('private_key_jwt signed by a key the client does not own is refused', async () => {
    const { server, clock } = await setup();
    const stranger = await testKey('app-key-1');
    const jwt = await assertion(stranger.privateKey, { iss: 'signer', sub: 'signer', aud: TOKEN_URL, jti: 'x' }, clock.seconds() + 60);
    const response = await server.handle(
      tokenRequest({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
    );
    expect(await json(response)).toEqual({ error: 'invalid_client', error_description: 'client_assertion is invalid' });
  });

  it('invalid_client after Basic is 401 with a Basic challenge (RFC 6749 §5.2)', async () => {
    const { server } = await setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials' }, { authorization: basicAuth('svc:billing', 'wrong') }));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="signet", charset="UTF-8"');
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await json(response)).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
  });

  it('two authentication methods at once are invalid_request (§2.3)', async () => {
    const { server } = await setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_secret: SECRET }, { authorization: basicAuth('svc:billing', SECRET) }));
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_request');
  });

  it('a public client cannot use client_credentials, a confidential one cannot skip authentication', async () => {
    const { server } = await setup();
    const pub = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'spa' }));
    expect(await json(pub)).toMatchObject({ error: 'unauthorized_client' });
    const skip = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'svc:billing' }));
    expect(skip.status).toBe(401);
  });
});

describe('token endpoint: request errors (RFC 6749 §5.2)', () => {
  it.each([
    ['no grant_type', { client_id: 'svc:billing', client_secret: SECRET }, 400, 'invalid_request'],
    ['an unsupported grant', { grant_type: 'password', client_id: 'svc:billing', client_secret: SECRET }, 400, 'unsupported_grant_type'],
    ['a scope beyond the client', { grant_type: 'client_credentials', client_id: 'svc:billing', client_secret: SECRET, scope: 'admin' }, 400, 'invalid_scope'],
  ])('%s', async (_, form, status, error) => {
    const { server } = await setup();
    const response = await server.handle(tokenRequest(form));
    expect(response.status).toBe(status);
    expect((await json(response)).error).toBe(error);
  });

  it('a repeated parameter, a JSON body and a GET are refused', async () => {
    const { server } = await setup();
    const repeated = new Request(TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&grant_type=refresh_token' });
    expect(await json(await server.handle(repeated))).toEqual({ error: 'invalid_request', error_description: 'the parameter "grant_type" is repeated' });
    const asJson = new Request(TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await server.handle(asJson)).status).toBe(400);
    const get = await server.handle(new Request(TOKEN_URL));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('access tokens, JWKS and metadata', () => {
  it('issues RFC 9068 access tokens verifiable with the published JWKS', async () => {
    const { server, clock } = await setup();
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'svc:billing', client_secret: SECRET }));
    const { access_token } = (await json(response)) as { access_token: string };
    const jwks = await json(await server.handle(new Request(`${ISSUER}/.well-known/jwks.json`)));
    const { payload, protectedHeader } = await jwtVerify(access_token, createLocalJWKSet(jwks as never), {
      issuer: ISSUER,
      audience: 'https://api.example',
      typ: 'at+jwt',
      currentDate: new Date(clock.now()),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: 'svc:billing', client_id: 'svc:billing', scope: 'read write', iat: clock.seconds(), exp: clock.seconds() + 300 });
    expect(typeof payload.jti).toBe('string');
    expect(payload.cnf).toBeUndefined();
    expect(decodeProtectedHeader(access_token).kid).toBe((jwks.keys as Array<{ kid: string }>)[0]!.kid);
  });

  it('binds tokens to a client certificate passed by the caller (RFC 8705 §3)', async () => {
    const { server } = await setup();
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 1, 2, 3]);
    const response = await server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'svc:billing', client_secret: SECRET }), { clientCertificate: der });
    const { access_token } = (await json(response)) as { access_token: string };
    const expected = Buffer.from(await crypto.subtle.digest('SHA-256', der)).toString('base64url');
    expect(decodePayload(access_token).cnf).toEqual({ 'x5t#S256': expected });
  });

  it('serves RFC 8414 metadata at the well-known path', async () => {
    const { server } = await setup();
    const metadata = await json(await server.handle(new Request(`${ISSUER}/.well-known/oauth-authorization-server`)));
    expect(metadata).toMatchObject({
      issuer: ISSUER,
      token_endpoint: TOKEN_URL,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials', 'refresh_token'],
      tls_client_certificate_bound_access_tokens: true,
    });
    expect(metadata.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect((await server.handle(new Request(`${ISSUER}/nope`))).status).toBe(404);
  });

  it('an issuer with a path puts it after the well-known segment (RFC 8414 §3)', () => {
    const server = createAuthorizationServer({ issuer: 'https://as.example/tenant-1', clients: {} });
    expect(server.endpoints).toEqual({
      token: 'https://as.example/tenant-1/token',
      jwks: 'https://as.example/.well-known/jwks.json/tenant-1',
      metadata: 'https://as.example/.well-known/oauth-authorization-server/tenant-1',
    });
  });

  it('bad options name the field and never the secret', () => {
    const attempt = (options: unknown) => {
      try {
        createAuthorizationServer(options as never);
      } catch (error) {
        return error as SignetConfigError;
      }
      throw new Error('no error');
    };
    expect(attempt({ issuer: 'https://as.example?x=1', clients: {} }).field).toBe('issuer');
    const withPrivate = attempt({ issuer: ISSUER, clients: { a: { jwks: { kty: 'EC', d: 'secret-d' } } } });
    expect(withPrivate.field).toBe('clients.a.jwks[0]');
    expect(withPrivate.message).not.toContain('secret-d');
    const badSecret = attempt({ issuer: ISSUER, clients: { a: { secret: 'hunter2\n' } } });
    expect(badSecret.field).toBe('clients.a.secret');
    expect(badSecret.message).not.toContain('hunter2');
    expect(attempt({ issuer: ISSUER, clients: {}, accessTokenLifetimeSeconds: 0 }).field).toBe('accessTokenLifetimeSeconds');
  });
});
