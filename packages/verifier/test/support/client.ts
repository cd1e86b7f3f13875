import { type AuthContext, type Credential, createAuthContext, createClock } from '@signet/core';

/** A deterministic AuthContext for calling a client credential from @signet/core directly. */
export function testContext(): AuthContext {
  return createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }), nonce: () => 'nonce-1' });
}

/** Authorizes a bodiless request with a client credential and returns it as a standard `Request`. */
export async function signedRequest(credential: Credential, url: string, method = 'GET'): Promise<Request> {
  const signed = await credential.authorize({ method, url: new URL(url), headers: new Headers(), body: undefined }, testContext());
  return new Request(signed.url, { method: signed.method, headers: signed.headers });
}

/**
 * `Basic <base64>` built with Node's own base64 and UTF-8 (not Signet's), so a shared encoding bug
 * cannot hide. The text is sent as given: no NFC normalization.
 */
export function basicHeader(text: string): string {
  return `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
}

/** `Basic <base64>` of raw bytes, for credentials that are not valid UTF-8. */
export function basicHeaderOfBytes(bytes: readonly number[]): string {
  return `Basic ${Buffer.from(bytes).toString('base64')}`;
}

/** A GET request to the test origin with the given headers. */
export function request(headers: Record<string, string> = {}, url = 'https://api.example.test/v1/things'): Request {
  return new Request(url, { headers });
}
