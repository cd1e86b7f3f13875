import { type Credential, createAuthContext, createClock, platformCrypto, utf8 } from '@signet/core';
import type { SchemeVerifierContext } from '../../src/scheme-verifier.js';

/** The signer's and, unless a test says otherwise, the verifier's time. */
export const NOW_MS = 1_700_000_000_000;

let nonces = 0;

/** Signs a request with a client credential from @signet/core at `atMs`, and returns it as a standard `Request`. */
export async function signedRequest(
  credential: Credential,
  { method = 'GET', url = 'https://api.example.test/v1/things?page=2', headers = {}, body }: { method?: string; url?: string; headers?: Record<string, string>; body?: string } = {},
  atMs = NOW_MS,
): Promise<Request> {
  const context = createAuthContext({ clock: createClock({ now: () => atMs }), nonce: () => `nonce-${++nonces}` });
  const signed = await credential.authorize({ method, url: new URL(url), headers: new Headers(headers), body: body === undefined ? undefined : utf8(body) }, context);
  return new Request(signed.url, { method: signed.method, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body as Uint8Array<ArrayBuffer> }) });
}

/** The context `createVerifier` would pass, with the verifier's clock at `nowMs`. */
export function verifierContext(request: Request, nowMs = NOW_MS): SchemeVerifierContext {
  let body: Promise<Uint8Array> | undefined;
  return {
    now: () => nowMs,
    crypto: platformCrypto,
    body: () => (body ??= request.clone().arrayBuffer().then((buffer) => new Uint8Array(buffer))),
  };
}

/** A copy of `request` with some parts replaced, headers kept unless given. */
export function altered(request: Request, changes: { method?: string; url?: string; headers?: Record<string, string | null>; body?: string }): Request {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  // The body as bytes, so Request adds no Content-Type of its own.
  const body = changes.body === undefined ? {} : { body: new TextEncoder().encode(changes.body) };
  return new Request(changes.url ?? request.url, { method: changes.method ?? request.method, headers, ...body });
}
