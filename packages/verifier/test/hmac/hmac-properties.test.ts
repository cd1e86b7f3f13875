// Property tests: whatever the request, what hmac() signs the verifier accepts, and any single
// change to a covered part is refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createAuthContext, createClock } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { createVerifier } from '@signet/verifier';

const SECRET = 'property-test-secret-0123456789-abcdef';
const NOW = 1_700_000_000_000;
const client = hmac({ keyId: 'k', secret: SECRET, headers: ['x-signed'] });
const context = () => createAuthContext({ clock: createClock({ now: () => NOW }) });

// Text with URL-reserved characters, unicode and the odd "%".
const text = fc.string({
  unit: fc.oneof(fc.constantFrom(...Array.from('aZ09-._~ !*\'();:@&=+$,/?#[]%é✓😀')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 12,
});
const arbitraryRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'REPORT'),
  segments: fc.array(text, { maxLength: 4 }),
  query: fc.array(fc.tuple(text, text), { maxLength: 5 }),
  repeat: fc.boolean(),
  signedValue: fc.string({ unit: fc.constantFrom(...'abcXYZ 019-_/:;"'.split('')), minLength: 1, maxLength: 20 }).filter((v) => v.trim() === v && v !== ''),
  body: fc.uint8Array({ maxLength: 256 }),
});
type Arbitrary = typeof arbitraryRequest extends fc.Arbitrary<infer T> ? T : never;

function urlOf(r: Arbitrary): URL {
  const url = new URL(`https://api.example.com/${r.segments.map(encodeURIComponent).join('/')}`);
  const pairs = r.repeat && r.query.length > 0 ? [...r.query, r.query[0]!] : r.query;
  url.search = pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
  return url;
}

async function sign(r: Arbitrary): Promise<{ url: string; method: string; headers: Headers; body: Uint8Array | undefined }> {
  const body = r.method === 'GET' ? undefined : r.body;
  const signed = await client.authorize({ method: r.method, url: urlOf(r), headers: new Headers({ 'x-signed': r.signedValue }), body }, context());
  return { url: signed.url.href, method: signed.method, headers: signed.headers, body };
}

const toRequest = (s: { url: string; method: string; headers: Headers; body: Uint8Array | undefined }) =>
  new Request(s.url, { method: s.method, headers: s.headers, body: (s.body as Uint8Array<ArrayBuffer> | undefined) ?? null });

describe('HMAC properties', () => {
  test('sign → verify round-trips for any method, path, query, header and body', async () => {
    const verifier = createVerifier({ now: () => NOW, hmac: { keys: { k: SECRET } } });
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        expect(await verifier.verify(toRequest(await sign(r)))).toMatchObject({ ok: true, identity: 'k' });
      }),
      { numRuns: 150 },
    );
  });

  const mutations: Array<[string, (s: Awaited<ReturnType<typeof sign>>) => Awaited<ReturnType<typeof sign>>]> = [
    ['method', (s) => ({ ...s, method: s.method === 'PUT' ? 'POST' : 'PUT', body: s.body ?? new Uint8Array() })],
    ['path', (s) => ({ ...s, url: s.url.replace('https://api.example.com/', 'https://api.example.com/x/') })],
    ['query', (s) => ({ ...s, url: `${s.url}${s.url.includes('?') ? '&' : '?'}extra=1` })],
    ['host', (s) => ({ ...s, url: s.url.replace('api.example.com', 'api.example.org') })],
    [
      'a signed header',
      (s) => {
        const headers = new Headers(s.headers);
        headers.set('x-signed', `${headers.get('x-signed')}!`);
        return { ...s, headers };
      },
    ],
    ['the body', (s) => ({ ...s, method: s.method === 'GET' ? 'POST' : s.method, body: new Uint8Array([...(s.body ?? []), 1]) })],
  ];

  test.each(mutations)('changing the %s is refused', async (_, mutate) => {
    const verifier = createVerifier({ now: () => NOW, hmac: { keys: { k: SECRET } } });
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        const result = await verifier.verify(toRequest(mutate(await sign(r))));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  test('a replayed request is refused, whatever it is', async () => {
    const verifier = createVerifier({ now: () => NOW, hmac: { keys: { k: SECRET } } });
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (r) => {
        const signed = await sign(r);
        expect(await verifier.verify(toRequest(signed))).toMatchObject({ ok: true });
        expect(await verifier.verify(toRequest(signed))).toMatchObject({ ok: false, reason: 'nonce_replay' });
      }),
      { numRuns: 60 },
    );
  });

  test('a timestamp outside the tolerance is refused either way, one inside accepted', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, fc.integer({ min: -3600, max: 3600 }), async (r, offsetSeconds) => {
        const verifier = createVerifier({ now: () => NOW + offsetSeconds * 1000, hmac: { keys: { k: SECRET } } });
        const result = await verifier.verify(toRequest(await sign(r)));
        if (Math.abs(offsetSeconds) > 300) expect(result).toMatchObject({ ok: false, reason: 'timestamp_skew' });
        else expect(result).toMatchObject({ ok: true });
      }),
      { numRuns: 100 },
    );
  });
});
