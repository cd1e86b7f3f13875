// sign → verify for every scheme: a credential from @signet/core authorizes a request, and
// createVerifier (@signet/verifier) accepts it as sent and refuses it with one byte changed.
import { createAuthContext, createClock, type Credential, utf8 } from '@signet/core';
import { createVerifier } from '@signet/verifier';
import { expect, test } from '../harness/index.js';
import { API, everySchemePolicy, NOW_MS, SCHEME_CASES } from '../fixtures/schemes.js';

let nonces = 0;
const context = () => createAuthContext({ clock: createClock({ now: () => NOW_MS }), nonce: () => `runtime-nonce-${++nonces}` });

/** Authorizes a POST with a JSON body and returns it as a standard Request, as a server receives it. */
async function signedRequest(credential: Credential, body: string): Promise<Request> {
  const request = { method: 'POST', url: new URL(`${API}/v1/orders?page=2`), headers: new Headers({ 'content-type': 'application/json' }), body: utf8(body) };
  const signed = await credential.authorize(request, context());
  return new Request(signed.url, { method: signed.method, headers: signed.headers, body: signed.body as Uint8Array<ArrayBuffer> });
}

const changed = (request: Request, change: { path?: string; body?: string }) =>
  new Request(change.path === undefined ? request.url : `${API}${change.path}`, {
    method: request.method,
    headers: request.headers,
    body: utf8(change.body ?? '{"amount":10}') as Uint8Array<ArrayBuffer>,
  });

/** The request with one character in the middle of `header`'s value changed (not a padding bit at its end). */
function withFlippedCharacter(request: Request, header: string): Request {
  const value = request.headers.get(header) ?? '';
  const at = value.length - 10;
  const headers = new Headers(request.headers);
  headers.set(header, `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`);
  return new Request(request.url, { method: request.method, headers, body: utf8('{"amount":10}') as Uint8Array<ArrayBuffer> });
}

export default function define(): void {
  for (const scheme of SCHEME_CASES) {
    test(`${scheme.name}: signed by the client, accepted by createVerifier with its identity`, async () => {
      const verifier = createVerifier(everySchemePolicy());
      const result = await verifier.verify(await signedRequest(scheme.credential(), '{"amount":10}'));
      expect(result).toMatchObject({ ok: true, scheme: scheme.scheme, identity: scheme.identity });
    });

    test(`${scheme.name}: a changed ${scheme.signsBody ? 'body' : 'credential'} is refused`, async () => {
      const verifier = createVerifier(everySchemePolicy());
      const credential = scheme.credential();
      const original = await signedRequest(credential, '{"amount":10}');
      // Schemes that sign the body must notice a changed body; the others a changed credential.
      const result = await verifier.verify(scheme.signsBody ? changed(original, { body: '{"amount":99}' }) : withFlippedCharacter(original, credential.sensitiveHeaders[0]!));
      expect(result.ok ? 'accepted' : result.reason).toBe(scheme.tamperedReason);
    });
  }

  test('every scheme that signs the target refuses a request whose path was changed after signing', async () => {
    const verifier = createVerifier(everySchemePolicy());
    for (const scheme of SCHEME_CASES.filter((s) => s.signsTarget)) {
      const result = await verifier.verify(changed(await signedRequest(scheme.credential(), '{"amount":10}'), { path: '/v1/refunds?page=2' }));
      expect({ scheme: scheme.name, ok: result.ok }).toEqual({ scheme: scheme.name, ok: false });
    }
  });

  test('a single-use JWT is accepted once and refused when replayed', async () => {
    const verifier = createVerifier(everySchemePolicy());
    const jwtCase = SCHEME_CASES.find((s) => s.scheme === 'bearer')!;
    const request = await signedRequest(jwtCase.credential(), '{}');
    expect((await verifier.verify(request.clone())).ok).toBe(true);
    expect((await verifier.verify(request)).ok).toBe(false);
  });

  test('a verifier at another time refuses the timestamped schemes with timestamp_skew', async () => {
    const verifier = createVerifier(everySchemePolicy(() => NOW_MS + 3_600_000));
    for (const name of ['hmac', 'oauth1 HMAC-SHA1 with a body hash']) {
      const scheme = SCHEME_CASES.find((s) => s.name === name)!;
      const result = await verifier.verify(await signedRequest(scheme.credential(), '{}'));
      expect({ name, reason: result.ok ? 'accepted' : result.reason }).toEqual({ name, reason: 'timestamp_skew' });
    }
  });
}
