import { connect } from 'node:net';
import { basic } from '@signet/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVerifier, type VerifierResponseBody } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';
import { basicHeader, signedRequest } from '../support/client.js';

const verifier = createVerifier({ apiKey: { clients: { billing: 'key-billing-1' } }, basic: { users: { alice: 'pw-alice' } } });
const CHALLENGE = 'ApiKey realm="signet", Basic realm="signet", charset="UTF-8"';

/** Resolves with the connection error code, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('startVerifierServer', () => {
  let server: VerifierServer;
  const seenByRoute: Array<{ method: string; url: string; authorization: string | null; body: string }> = [];

  beforeAll(async () => {
    server = await startVerifierServer({
      verifier,
      routes: {
        '/redirect': async () => new Response(null, { status: 307, headers: { location: '/target' } }),
        '/echo': async (request) => {
          seenByRoute.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization'), body: await request.text() });
          return new Response('echoed', { status: 202, headers: { 'x-route': 'echo' } });
        },
        '/boom': async () => {
          throw new Error('route failed with CANARY-SECRET-93f1');
        },
      },
    });
  });
  afterAll(() => server.close());

  test('listens on 127.0.0.1 on an ephemeral port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  test('a good API key: 200 with the report', async () => {
    const response = await fetch(`${server.origin}/v1/things?page=2`, { headers: { authorization: 'ApiKey key-billing-1', 'x-request-id': 'r-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const report = (await response.json()) as VerifierResponseBody;
    expect(report).toMatchObject({ verified: true, scheme: 'api-key', identity: 'billing', reason: null, method: 'GET', path: '/v1/things', bodyBytes: 0 });
    expect(report.headerNames).toEqual(expect.arrayContaining(['authorization', 'host', 'x-request-id']));
  });

  test('a bad API key: 401 with the challenge and the reason', async () => {
    const response = await fetch(`${server.origin}/v1/things`, { headers: { authorization: 'ApiKey key-wrong' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(await response.json()).toMatchObject({ verified: false, scheme: 'api-key', identity: null, reason: 'unknown_key' });
  });

  test('no credentials: 401 missing_credentials', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(await response.json()).toMatchObject({ verified: false, reason: 'missing_credentials' });
  });

  test('Basic round trip with the client basic() credential', async () => {
    const signed = await signedRequest(basic({ username: 'alice', password: 'pw-alice' }), `${server.origin}/me`);
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ verified: true, scheme: 'basic', identity: 'alice', path: '/me' });
    const wrong = await fetch(`${server.origin}/me`, { headers: { authorization: basicHeader('alice:nope') } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ reason: 'invalid_credentials' });
  });

  test('a POST body arrives whole: bodyBytes', async () => {
    const small = await fetch(`${server.origin}/upload`, { method: 'POST', headers: { authorization: 'ApiKey key-billing-1' }, body: 'hello, wörld' });
    expect(await small.json()).toMatchObject({ verified: true, method: 'POST', path: '/upload', bodyBytes: 13 });
    // Large enough to arrive in many chunks.
    const large = await fetch(`${server.origin}/upload`, { method: 'PUT', headers: { authorization: 'ApiKey key-billing-1' }, body: new Uint8Array(3 * 1024 * 1024) });
    expect(await large.json()).toMatchObject({ verified: true, method: 'PUT', bodyBytes: 3 * 1024 * 1024 });
  });

  test('an empty POST body is 0 bytes, and a refused POST still reports its body', async () => {
    const empty = await fetch(`${server.origin}/upload`, { method: 'POST', headers: { authorization: 'ApiKey key-billing-1' } });
    expect(await empty.json()).toMatchObject({ verified: true, bodyBytes: 0 });
    const refused = await fetch(`${server.origin}/upload`, { method: 'POST', body: 'abc' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ verified: false, bodyBytes: 3 });
  });

  test('a route answers its exact path before verification', async () => {
    const response = await fetch(`${server.origin}/redirect`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/target');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  test('routes match the path, whatever the query', async () => {
    const response = await fetch(`${server.origin}/redirect?from=test`, { redirect: 'manual' });
    expect(response.status).toBe(307);
  });

  test('routes match exact paths only: a longer path is verified', async () => {
    for (const path of ['/redirect/', '/redirect/more', '/redirects', '/Redirect']) {
      const response = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
    }
  });

  test('a route receives the request: method, URL, headers and body', async () => {
    seenByRoute.length = 0;
    const response = await fetch(`${server.origin}/echo?q=1`, { method: 'POST', headers: { authorization: 'ApiKey anything' }, body: 'route body' });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-route')).toBe('echo');
    expect(await response.text()).toBe('echoed');
    expect(seenByRoute).toEqual([{ method: 'POST', url: `${server.origin}/echo?q=1`, authorization: 'ApiKey anything', body: 'route body' }]);
  });

  test('a route that throws gives a 500 naming only the error class', async () => {
    const response = await fetch(`${server.origin}/boom`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Error');
  });

  test('a redirect route followed by fetch lands on a verified path', async () => {
    const response = await fetch(`${server.origin}/redirect`, { headers: { authorization: 'ApiKey key-billing-1' } });
    expect(response.status).toBe(200);
    expect(response.redirected).toBe(true);
    expect(await response.json()).toMatchObject({ verified: true, path: '/target' });
  });
});

describe('VerifierServer.close', () => {
  test('resolves, after a keep-alive request, and the port then refuses connections', async () => {
    const server = await startVerifierServer({ verifier });
    const response = await fetch(`${server.origin}/`, { headers: { authorization: 'ApiKey key-billing-1' } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(await tryConnect(server.port)).toBe('connected');
    await expect(server.close()).resolves.toBeUndefined();
    expect(await tryConnect(server.port)).toBe('ECONNREFUSED');
    await expect(fetch(`${server.origin}/`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  test('two servers get different ports', async () => {
    const [a, b] = await Promise.all([startVerifierServer({ verifier }), startVerifierServer({ verifier })]);
    try {
      expect(a.port).not.toBe(b.port);
      expect((await fetch(`${b.origin}/`)).status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
