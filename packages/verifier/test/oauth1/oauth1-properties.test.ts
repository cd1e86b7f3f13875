// Property tests: whatever the request, what oauth1() signs the verifier accepts; any single
// change to a signed part is refused; a replay is refused; a stale timestamp is refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock } from '@signet/core';
import { oauth1 } from '@signet/core/oauth1';
import { createVerifier, type OAuth1Policy } from '@signet/verifier';

const NOW = 1_700_000_000_000;
const POLICY: OAuth1Policy = { consumers: { ck: 'consumer secret é&' }, tokens: { 'tk/1': 'token+secret' }, signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256'] };
const clients = {
  'HMAC-SHA1': oauth1({ consumerKey: 'ck', consumerSecret: 'consumer secret é&', token: 'tk/1', tokenSecret: 'token+secret', bodyHash: true }),
  'HMAC-SHA256': oauth1({ consumerKey: 'ck', consumerSecret: 'consumer secret é&', token: 'tk/1', tokenSecret: 'token+secret', signatureMethod: 'HMAC-SHA256', bodyHash: true }),
};
const context = () => createAuthContext({ clock: createClock({ now: () => NOW }) });

// Text with reserved characters, "+", "*", "~", "%", unicode and the odd lone "%".
const text = fc.string({
  unit: fc.oneof(fc.constantFrom(...Array.from("aZ09-._~ !*'();:@&=+$,/?#[]%é✓😀")), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 10,
});
const arbitraryRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: fc.constantFrom('api.example.com', 'API.Example.com', 'api.example.com:8443'),
  segments: fc.array(text, { maxLength: 3 }),
  query: fc.array(fc.tuple(text, text), { maxLength: 5 }),
  form: fc.boolean(),
  fields: fc.array(fc.tuple(text, text), { maxLength: 4 }),
  bytes: fc.uint8Array({ maxLength: 64 }),
  algorithm: fc.constantFrom('HMAC-SHA1' as const, 'HMAC-SHA256' as const),
});
type Arbitrary = typeof arbitraryRequest extends fc.Arbitrary<infer T> ? T : never;
interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array | undefined;
}

const formEncode = (pairs: Array<[string, string]>) => pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');

async function sign(r: Arbitrary): Promise<Sent> {
  const url = new URL(`https://${r.host}/${r.segments.map(encodeURIComponent).join('/')}`);
  url.search = formEncode(r.query);
  const hasBody = r.method !== 'GET';
  const headers = new Headers(hasBody && r.form ? { 'content-type': 'application/x-www-form-urlencoded' } : hasBody ? { 'content-type': 'application/octet-stream' } : {});
  const body = !hasBody ? undefined : r.form ? new TextEncoder().encode(formEncode(r.fields)) : r.bytes;
  const signed = await clients[r.algorithm].authorize({ method: r.method, url, headers, body }, context());
  return { url: signed.url.href, method: signed.method, headers: signed.headers, body };
}
const toRequest = (s: Sent) => new Request(s.url, { method: s.method, headers: s.headers, body: (s.body as Uint8Array<ArrayBuffer> | undefined) ?? null });
const verifierAt = (nowMs = NOW) => createVerifier({ now: () => nowMs, oauth1: POLICY });

describe('OAuth 1.0a properties', () => {
  test('sign → verify round-trips for any method, host, path, query and body', async () => {
    const verifier = verifierAt();
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        expect(await verifier.verify(toRequest(await sign(r)))).toEqual({ ok: true, scheme: 'oauth1', identity: 'ck' });
      }),
      { numRuns: 150 },
    );
  });

  const withHeader = (s: Sent, edit: (value: string) => string): Sent => {
    const headers = new Headers(s.headers);
    headers.set('authorization', edit(headers.get('authorization')!));
    return { ...s, headers };
  };
  const mutations: Array<[string, (s: Sent) => Sent]> = [
    ['method', (s) => ({ ...s, method: s.method === 'PUT' ? 'PATCH' : 'PUT', body: s.body ?? new Uint8Array() })],
    ['path', (s) => ({ ...s, url: s.url.replace(/^(https:\/\/[^/]+)\//, '$1/x/') })],
    ['query', (s) => ({ ...s, url: `${s.url.split('#')[0]}${s.url.includes('?') ? '&' : '?'}extra=1` })],
    ['host', (s) => ({ ...s, url: s.url.replace('example.com', 'example.org') })],
    ['port', (s) => ({ ...s, url: s.url.replace(/example\.com(:8443)?/i, (_, port) => (port ? 'example.com' : 'example.com:8443')) })],
    ['scheme', (s) => ({ ...s, url: s.url.replace('https:', 'http:') })],
    ['body', (s) => ({ ...s, method: s.method === 'GET' ? 'POST' : s.method, body: new Uint8Array([...(s.body ?? []), 0x26, 0x7a]) })],
    ['timestamp', (s) => withHeader(s, (v) => v.replace(/oauth_timestamp="(\d+)"/, (_, t) => `oauth_timestamp="${Number(t) - 1}"`))],
    ['nonce', (s) => withHeader(s, (v) => v.replace(/oauth_nonce="/, 'oauth_nonce="x'))],
    ['consumer key', (s) => withHeader(s, (v) => v.replace('oauth_consumer_key="ck"', 'oauth_consumer_key="ck2"'))],
    ['token', (s) => withHeader(s, (v) => v.replace('oauth_token="tk%2F1"', 'oauth_token="tk%2F2"'))],
    ['signature method', (s) => withHeader(s, (v) => v.replace(/oauth_signature_method="HMAC-SHA(1|256)"/, (_, n) => `oauth_signature_method="HMAC-SHA${n === '1' ? '256' : '1'}"`))],
    ['signature', (s) => withHeader(s, (v) => v.replace(/oauth_signature="(.)/, (_, c) => `oauth_signature="${c === 'A' ? 'B' : 'A'}`))],
  ];

  test.each(mutations)('changing the %s is refused', async (_, mutate) => {
    const verifier = verifierAt();
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        expect((await verifier.verify(toRequest(mutate(await sign(r))))).ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  test('a replayed request is refused, whatever it is', async () => {
    const verifier = verifierAt();
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        const signed = await sign(r);
        expect(await verifier.verify(toRequest(signed))).toMatchObject({ ok: true });
        expect(await verifier.verify(toRequest(signed))).toMatchObject({ ok: false, reason: 'nonce_replay' });
      }),
      { numRuns: 50 },
    );
  });

  test('a timestamp outside the tolerance is refused either way, one inside accepted', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, fc.integer({ min: -3600, max: 3600 }), async (r, offsetSeconds) => {
        const result = await verifierAt(NOW + offsetSeconds * 1000).verify(toRequest(await sign(r)));
        if (Math.abs(offsetSeconds) > 300) expect(result).toMatchObject({ ok: false, reason: 'timestamp_skew', challenge: expect.stringContaining('server_time=') });
        else expect(result).toMatchObject({ ok: true });
      }),
      { numRuns: 100 },
    );
  });
});
