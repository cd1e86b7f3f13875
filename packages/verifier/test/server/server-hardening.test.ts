import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';

let server: VerifierServer;
beforeAll(async () => {
  server = await startVerifierServer({
    verifier: createVerifier({ apiKey: { clients: { billing: 'k' } } }),
    routes: {
      '/cookies': async () => {
        const headers = new Headers();
        headers.append('set-cookie', 'a=1; Path=/');
        headers.append('set-cookie', 'b=2; Path=/');
        return new Response('ok', { headers });
      },
      '/echo-url': async (request) => new Response(request.url),
    },
  });
});
afterAll(() => server.close());

/** A raw HTTP/1.1 request, so the test controls the request target and the Host header. */
function raw(target: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: target, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startVerifierServer hardening', () => {
  test('repeated Set-Cookie headers from a route all reach the client', async () => {
    const response = await fetch(`${server.origin}/cookies`);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  test('the request URL is built on the server origin, not on the Host header', async () => {
    expect(await raw('/echo-url?x=1', 'evil.test')).toEqual({ status: 200, body: `${server.origin}/echo-url?x=1` });
  });

  test('a target like //host/path stays a path and does not reach a route', async () => {
    const response = await raw('//evil.test/echo-url', 'evil.test');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ path: '//evil.test/echo-url', reason: 'missing_credentials' });
  });

  test('a target that is not origin-form gets 400', async () => {
    expect((await raw('http://evil.test/echo-url', 'evil.test')).status).toBe(400);
  });
});
