// @signet/fetch's withAuth against the real verifier, in-process: the fetch given to withAuth
// calls createVerifierHandler (and a mock authorization server) directly, with no network.
import { apiKey, createClock, SignetRequestError } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { clientCredentials } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { createAuthorizationServer, createVerifier, createVerifierHandler, type VerifierResponseBody } from '@signet/verifier';
import { expect, rejects, test } from '../harness/index.js';
import { inProcessFetch } from '../fixtures/in-process-fetch.js';
import { API, everySchemePolicy, NOW_MS, SCHEME_CASES } from '../fixtures/schemes.js';

const ELSEWHERE = 'https://elsewhere.example.test';
const AUTH = 'https://auth.example.test';
const fixedClock = () => createClock({ now: () => NOW_MS });
const report = async (response: Response) => (await response.json()) as VerifierResponseBody;

/** The verifier at {@link API}, plus a redirect route and another origin that records what reaches it. */
function servers() {
  const verify = createVerifierHandler(createVerifier(everySchemePolicy()));
  return inProcessFetch({
    [API]: async (request) => {
      const to = new URL(request.url).searchParams.get('redirect-to');
      return to === null ? verify(request) : new Response(null, { status: 307, headers: { location: to } });
    },
    [ELSEWHERE]: async () => Response.json({ elsewhere: true }),
  });
}

export default function define(): void {
  for (const scheme of SCHEME_CASES) {
    test(`${scheme.name}: withAuth(fetch) sends a POST the verifier accepts, body intact`, async () => {
      const network = servers();
      const api = withAuth(network.fetch, scheme.credential(), { origins: API, clock: fixedClock() });
      const response = await api(`${API}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":10}' });
      expect(response.status).toBe(200);
      expect(await report(response)).toMatchObject({ verified: true, scheme: scheme.scheme, identity: scheme.identity, method: 'POST', path: '/v1/orders', bodyBytes: 13 });
    });
  }

  test('a Request object with a body is signed with its method, headers and bytes', async () => {
    const network = servers();
    const hmacCase = SCHEME_CASES.find((s) => s.scheme === 'hmac')!;
    const api = withAuth(network.fetch, hmacCase.credential(), { origins: API, clock: fixedClock() });
    const body = new Uint8Array([0, 1, 2, 250, 251, 252]);
    const response = await api(new Request(`${API}/upload`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'x-request-id': 'r-1' }, body }));
    expect(await report(response)).toMatchObject({ verified: true, method: 'PUT', bodyBytes: 6 });
  });

  // Every BodyInit kind, through a scheme that signs the body (hmac) and one that signs form
  // parameters (oauth1): the bytes signed must be the bytes sent, whatever each runtime's fetch does.
  const BODIES: ReadonlyArray<readonly [string, () => BodyInit, number]> = [
    ['a string', () => 'plain text body', 15],
    ['bytes', () => new Uint8Array([0, 1, 2, 250, 251, 252]), 6],
    ['URLSearchParams', () => new URLSearchParams({ status: 'Hello Ladies + Gentlemen', n: '1' }), 37],
    ['a Blob with a type', () => new Blob(['{"a":1}'], { type: 'application/json' }), 7],
    ['a ReadableStream', () => new Blob(['streamed body']).stream(), 13],
  ];
  for (const [kind, body, bytes] of BODIES) {
    for (const name of ['hmac', 'oauth1 HMAC-SHA1 with a body hash']) {
      test(`${name}: a POST whose body is ${kind} is verified with all its bytes`, async () => {
        const network = servers();
        const api = withAuth(network.fetch, SCHEME_CASES.find((s) => s.name === name)!.credential(), { origins: API, clock: fixedClock() });
        const response = await api(`${API}/v1/upload`, { method: 'POST', body: body(), ...(kind === 'a ReadableStream' ? { duplex: 'half' } : {}) } as RequestInit);
        expect(await report(response)).toMatchObject({ verified: true, bodyBytes: bytes });
      });
    }
  }

  test('hmac: a FormData body is verified (the multipart bytes signed are the bytes sent)', async () => {
    const network = servers();
    const api = withAuth(network.fetch, SCHEME_CASES.find((s) => s.name === 'hmac')!.credential(), { origins: API, clock: fixedClock() });
    const form = new FormData();
    form.set('field', 'value');
    form.set('file', new Blob(['file contents'], { type: 'text/plain' }), 'a.txt');
    const result = await report(await api(`${API}/v1/form`, { method: 'POST', body: form }));
    expect(result).toMatchObject({ verified: true, reason: null });
  });

  test('a wrong key is answered 401 with the challenge, and withAuth returns it as fetch would', async () => {
    const network = servers();
    const api = withAuth(network.fetch, apiKey({ key: 'sk_test_unknown' }), { origins: API });
    const response = await api(`${API}/v1/things`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate') ?? '').toMatch(/realm="signet"/);
  });

  test('a redirect to another origin is followed without the credential', async () => {
    const network = servers();
    const api = withAuth(network.fetch, SCHEME_CASES[0]!.credential(), { origins: API, clock: fixedClock() });
    const response = await api(`${API}/start?redirect-to=${encodeURIComponent(`${ELSEWHERE}/landing`)}`);
    expect(await response.json()).toEqual({ elsewhere: true });
    expect(network.received.map((r) => new URL(r.url).origin)).toEqual([API, ELSEWHERE]);
    expect(network.received[0]!.headers['x-api-key'] ?? network.received[0]!.headers['authorization']).toMatch(/sk_test_runtimes_5b1c/);
    expect(Object.keys(network.received[1]!.headers).filter((name) => name === 'authorization' || name === 'x-api-key')).toEqual([]);
  });

  test("redirect: 'error' rejects with a typed SignetRequestError", async () => {
    const network = servers();
    const api = withAuth(network.fetch, SCHEME_CASES[0]!.credential(), { origins: API });
    const error = await rejects(api(`${API}/start?redirect-to=${encodeURIComponent(`${API}/next`)}`, { redirect: 'error' }));
    expect(error).toBeInstanceOf(SignetRequestError);
    expect(error).toMatchObject({ code: 'redirect_refused' });
  });

  test('bearer(clientCredentials) against a mock authorization server: one token for 50 calls, one more after expiry', async () => {
    let now = NOW_MS;
    const clock = () => now;
    const authorizationServer = createAuthorizationServer({ issuer: AUTH, clients: { reports: { secret: 'reports-secret-0123456789' } }, audience: API, accessTokenLifetimeSeconds: 300, now: clock });
    const resource = createVerifierHandler(createVerifier({ now: clock, bearer: { issuers: [authorizationServer], audience: API, dpop: false } }));
    const network = inProcessFetch({ [AUTH]: (request) => authorizationServer.handle(request), [API]: resource });
    const source = clientCredentials({ tokenEndpoint: authorizationServer.endpoints.token, clientId: 'reports', clientSecret: 'reports-secret-0123456789', fetch: network.fetch });
    const api = withAuth(network.fetch, bearer(source), { origins: API, clock: createClock({ now: clock }) });
    const tokenRequests = () => network.received.filter((r) => r.url === authorizationServer.endpoints.token).length;

    const first = await Promise.all(Array.from({ length: 50 }, () => api(`${API}/v1/reports`)));
    expect(first.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(await report(first[0]!)).toMatchObject({ verified: true, scheme: 'bearer', identity: 'reports' });
    expect(tokenRequests()).toBe(1);

    now += 301_000; // past the token's five minutes
    const later = await Promise.all(Array.from({ length: 20 }, () => api(`${API}/v1/reports`)));
    expect(later.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests()).toBe(2);
  });
}
