import { SignetConfigError, type SignetEvent } from '@signet/core';
import { bearer, createMemoryTokenStore } from '@signet/core/bearer';
import { clientCredentials, refreshToken, TokenEndpointError } from '@signet/core/oauth2';
import { describe, expect, it } from 'vitest';
import { contextWith, manualClock } from '../tokens/support.js';

const ENDPOINT = 'https://auth.example.com/oauth/token';

interface Call {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly form: Record<string, string>;
  readonly redirect: RequestRedirect | undefined;
}

/** A token endpoint as a fetch function: records each call and answers from a script. */
function tokenEndpoint(answer: (call: Call, index: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers)),
      form: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(init?.body as Uint8Array))),
      redirect: init?.redirect,
    };
    calls.push(call);
    return answer(call, calls.length - 1);
  }) as typeof fetch;
  return { calls, fetch: fetchFn };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const token = (n: number, extra: Record<string, unknown> = {}) => json(200, { access_token: `at-${n}`, token_type: 'Bearer', expires_in: 3600, ...extra });

describe('clientCredentials', () => {
  it('client_secret_basic: form-urlencodes id and secret before base64 (RFC 6749 §2.3.1)', async () => {
    const endpoint = tokenEndpoint(() => token(1));
    const time = manualClock();
    const source = clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'my client', clientSecret: 'p@ss w:rd+/', scope: 'read write', fetch: endpoint.fetch });
    const tokens = await source.getToken(undefined, contextWith(time.clock));
    const [call] = endpoint.calls;
    // "my+client:p%40ss+w%3Ard%2B%2F" in base64.
    expect(call?.headers.authorization).toBe(`Basic ${btoa('my+client:p%40ss+w%3Ard%2B%2F')}`);
    expect(call?.form).toEqual({ grant_type: 'client_credentials', scope: 'read write' });
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call?.redirect).toBe('manual');
    expect(tokens.accessToken.reveal()).toBe('at-1');
    expect(tokens.expiresAt).toBe(time.clock.now() + 3_600_000);
  });

  it('client_secret_post: id and secret in the form, no Authorization', async () => {
    const endpoint = tokenEndpoint(() => token(1));
    const source = clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'c1', clientSecret: 's1', authMethod: 'client_secret_post', fetch: endpoint.fetch });
    await source.getToken(undefined, contextWith());
    expect(endpoint.calls[0]?.headers.authorization).toBeUndefined();
    expect(endpoint.calls[0]?.form).toEqual({ grant_type: 'client_credentials', client_id: 'c1', client_secret: 's1' });
  });

  it('private_key_jwt: a fresh RFC 7523 assertion per request, signed with the client key', async () => {
    const { jwtVerify, exportJWK, generateKeyPair } = await import('jose');
    const pair = await generateKeyPair('ES256', { extractable: true });
    const endpoint = tokenEndpoint(() => token(1));
    const time = manualClock();
    let nonce = 0;
    const context = { ...contextWith(time.clock), nonce: () => `jti-${++nonce}` };
    const source = clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'svc', privateKey: await exportJWK(pair.privateKey), privateKeyId: 'k1', fetch: endpoint.fetch });
    await source.getToken(undefined, context);
    await source.getToken(undefined, context);
    const [first, second] = endpoint.calls;
    expect(first?.form.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(first?.form.client_id).toBe('svc');
    const { payload, protectedHeader } = await jwtVerify(first?.form.client_assertion as string, pair.publicKey, { currentDate: new Date(time.clock.now()) });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: 'k1' });
    expect(payload).toMatchObject({ iss: 'svc', sub: 'svc', aud: ENDPOINT, jti: 'jti-1' });
    expect(second?.form.client_assertion).not.toBe(first?.form.client_assertion);
  });

  it('sorts errors per RFC 6749 §5.2: invalid_client ends the session, invalid_scope is permanent, 5xx/429/network are transient with Retry-After', async () => {
    const cases: [Response | Error, string, string, number | undefined][] = [
      [json(401, { error: 'invalid_client', error_description: 'bad secret' }, { 'www-authenticate': 'Basic' }), 'session_ended', 'invalid_client', undefined],
      [json(400, { error: 'invalid_grant' }), 'session_ended', 'invalid_grant', undefined],
      [json(400, { error: 'invalid_scope' }), 'token_request_failed', 'invalid_scope', undefined],
      [json(503, {}, { 'retry-after': '7' }), 'token_refresh_failed', 'http_503', 7_000],
      [json(429, {}, { 'retry-after': 'Tue, 14 Nov 2023 22:13:30 GMT', date: 'Tue, 14 Nov 2023 22:13:20 GMT' }), 'token_refresh_failed', 'http_429', 10_000],
      [new Response('<html>proxy error</html>', { status: 200 }), 'token_refresh_failed', 'malformed_response', undefined],
      [json(200, { access_token: 'a b', token_type: 'Bearer' }), 'token_refresh_failed', 'malformed_response', undefined],
      [json(200, { access_token: 'ok', token_type: 'mac' }), 'token_request_failed', 'unsupported_token_type', undefined],
      [new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }), 'token_request_failed', 'redirect', undefined],
      [new TypeError('fetch failed'), 'token_refresh_failed', 'network', undefined],
    ];
    for (const [answer, code, reason, retryAfterMs] of cases) {
      const endpoint = tokenEndpoint(() => {
        if (answer instanceof Error) throw answer;
        return answer;
      });
      const source = clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'c', clientSecret: 'secret-canary', fetch: endpoint.fetch });
      const error = await source.getToken(undefined, contextWith()).catch((caught: unknown) => caught);
      expect(error, reason).toBeInstanceOf(TokenEndpointError);
      expect(error, reason).toMatchObject({ code, reason, retryAfterMs });
      expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain('secret-canary');
    }
  });

  it('refuses a plain-http token endpoint except on loopback, and bad options by field', async () => {
    const endpoint = tokenEndpoint(() => token(1));
    const insecure = clientCredentials({ tokenEndpoint: 'http://auth.example.com/token', clientId: 'c', clientSecret: 's', fetch: endpoint.fetch });
    await expect(insecure.getToken(undefined, contextWith())).rejects.toMatchObject({ code: 'token_request_failed', reason: 'insecure_endpoint' });
    expect(endpoint.calls).toHaveLength(0);
    const loopback = clientCredentials({ tokenEndpoint: 'http://127.0.0.1:9/token', clientId: 'c', clientSecret: 's', fetch: endpoint.fetch });
    await expect(loopback.getToken(undefined, contextWith())).resolves.toBeDefined();
    expect(() => clientCredentials({ tokenEndpoint: 'not a url', clientId: 'c' })).toThrow(SignetConfigError);
    expect(() => clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'c', authMethod: 'client_secret_post' })).toThrow(/^clientSecret:/);
    expect(() => clientCredentials({ tokenEndpoint: ENDPOINT, clientId: 'c', authMethod: 'private_key_jwt' })).toThrow(/^privateKey:/);
    expect(() => clientCredentials({ tokenEndpoint: `${ENDPOINT}#x`, clientId: 'c' })).toThrow(/^tokenEndpoint:/);
  });
});

describe('refreshToken', () => {
  it('rotates: each refresh sends the latest refresh token, persisted through onTokens before use', async () => {
    const endpoint = tokenEndpoint((call, index) => token(index + 1, { refresh_token: `rt-${index + 1}` }));
    const persisted: string[] = [];
    const time = manualClock();
    const credential = bearer(refreshToken({ tokenEndpoint: ENDPOINT, clientId: 'spa', refreshToken: 'rt-0', fetch: endpoint.fetch }), {
      store: createMemoryTokenStore(),
      onTokens: (tokens) => void persisted.push(tokens.refreshToken?.reveal() ?? ''),
    });
    const context = contextWith(time.clock);
    const first = await credential.tokens!.token(context);
    const second = await credential.tokens!.replace(first.generation, context);
    await credential.tokens!.replace(second.generation, context);
    expect(endpoint.calls.map((call) => call.form.refresh_token)).toEqual(['rt-0', 'rt-1', 'rt-2']);
    expect(endpoint.calls.map((call) => call.form.client_id)).toEqual(['spa', 'spa', 'spa']);
    expect(persisted).toEqual(['rt-1', 'rt-2', 'rt-3']);
  });

  it('keeps the old refresh token when the server issues none (RFC 6749 §6)', async () => {
    const endpoint = tokenEndpoint((_call, index) => token(index + 1));
    const source = refreshToken({ tokenEndpoint: ENDPOINT, clientId: 'c', clientSecret: 's', refreshToken: 'rt-0', fetch: endpoint.fetch });
    const tokens = await source.getToken(undefined, contextWith());
    expect(tokens.refreshToken?.reveal()).toBe('rt-0');
  });

  it('without any refresh token the session has ended, and no request is made', async () => {
    const endpoint = tokenEndpoint(() => token(1));
    const events: SignetEvent[] = [];
    const credential = bearer(refreshToken({ tokenEndpoint: ENDPOINT, clientId: 'c', fetch: endpoint.fetch }));
    await expect(credential.tokens!.token(contextWith(undefined, events))).rejects.toMatchObject({ code: 'session_ended' });
    expect(endpoint.calls).toHaveLength(0);
    expect(events).toContainEqual({ type: 'token.session.ended', source: 'refresh_token', reason: 'no_refresh_token' });
  });
});

describe('refreshToken under dpop(): a 400 that is not a proof problem', () => {
  it('is not re-sent, even when it carries a new DPoP-Nonce (the refused refresh token is presented once)', async () => {
    const { dpop } = await import('@signet/core/dpop');
    const endpoint = tokenEndpoint(() => json(400, { error: 'invalid_grant' }, { 'dpop-nonce': 'fresh-nonce' }));
    const credential = dpop(refreshToken({ tokenEndpoint: ENDPOINT, clientId: 'spa', refreshToken: 'rt-0', fetch: endpoint.fetch }), { retry: { retries: 0 } });
    await expect(credential.tokens!.token(contextWith())).rejects.toMatchObject({ code: 'session_ended' });
    expect(endpoint.calls).toHaveLength(1);
  });

  it('is re-sent once for use_dpop_nonce', async () => {
    const { dpop } = await import('@signet/core/dpop');
    const endpoint = tokenEndpoint((_call, index) =>
      index === 0 ? json(400, { error: 'use_dpop_nonce' }, { 'dpop-nonce': 'n-1' }) : json(200, { access_token: 'at-1', token_type: 'DPoP', expires_in: 60 }),
    );
    const credential = dpop(refreshToken({ tokenEndpoint: ENDPOINT, clientId: 'spa', refreshToken: 'rt-0', fetch: endpoint.fetch }));
    expect((await credential.tokens!.token(contextWith())).tokens.accessToken.reveal()).toBe('at-1');
    expect(endpoint.calls).toHaveLength(2);
  });
});
