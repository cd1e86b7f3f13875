import { describe, expect, it } from 'vitest';
import { createAuthorizationServer } from '../../src/oauth2/create-authorization-server.js';
import { fakeClock, ISSUER, json, tokenRequest } from './support.js';

function setup() {
  const sleeps: number[] = [];
  const server = createAuthorizationServer({
    issuer: ISSUER,
    now: fakeClock().now,
    sleep: async (ms) => void sleeps.push(ms),
    clients: { app: { secret: 'app-secret' } },
  });
  const token = () => server.handle(tokenRequest({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'app-secret' }));
  return { server, token, sleeps };
}

describe('fault switches', () => {
  it('server_error with and without Retry-After, for the next N requests only', async () => {
    const { server, token } = setup();
    server.faults.inject({ kind: 'server_error', status: 502 }, { times: 1 });
    server.faults.inject({ kind: 'server_error', retryAfterSeconds: 7 }, { times: 1 });
    const first = await token();
    expect(first.status).toBe(502);
    expect(first.headers.get('retry-after')).toBeNull();
    const second = await token();
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('7');
    expect((await token()).status).toBe(200);
    expect(server.counters.faultsInjected).toBe(2);
    expect(server.counters.tokenRequests.client_credentials).toBe(3);
  });

  it('429 with Retry-After', async () => {
    const { server, token } = setup();
    server.faults.inject({ kind: 'rate_limited', retryAfterSeconds: 3 }, { times: 1 });
    const response = await token();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('delay waits through the injected sleep and then answers', async () => {
    const { server, token, sleeps } = setup();
    server.faults.inject({ kind: 'delay', ms: 2500 }, { times: 2 });
    expect((await token()).status).toBe(200);
    expect((await token()).status).toBe(200);
    expect((await token()).status).toBe(200);
    expect(sleeps).toEqual([2500, 2500]);
  });

  it('malformed JSON, invalid_grant and invalid_client have their shapes', async () => {
    const { server, token } = setup();
    server.faults.inject({ kind: 'malformed_json' }, { times: 1 });
    server.faults.inject({ kind: 'invalid_grant' }, { times: 1 });
    server.faults.inject({ kind: 'invalid_client' }, { times: 1 });
    const malformed = await token();
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    const grant = await token();
    expect([grant.status, (await json(grant)).error]).toEqual([400, 'invalid_grant']);
    const client = await token();
    expect([client.status, (await json(client)).error, client.headers.get('www-authenticate')]).toEqual([401, 'invalid_client', 'Basic realm="signet", charset="UTF-8"']);
  });

  it('fail_percent is deterministic for a seed and close to the percentage', async () => {
    const run = async (seed: number) => {
      const { server, token } = setup();
      server.faults.inject({ kind: 'fail_percent', percent: 30, seed });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await token()).status);
      return statuses;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(await run(43)).not.toEqual(a);
    const failed = a.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(40);
    expect(failed).toBeLessThan(80);
    expect(a.filter((s) => s !== 503 && s !== 200)).toEqual([]);
  });

  it('clear removes every fault', async () => {
    const { server, token } = setup();
    server.faults.inject({ kind: 'server_error' });
    expect((await token()).status).toBe(503);
    server.faults.clear();
    expect((await token()).status).toBe(200);
  });
});
