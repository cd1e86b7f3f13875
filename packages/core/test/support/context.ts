import { type AuthContext, createAuthContext, createClock, type SignableRequest, type SignetEvent } from '@signet/core';

/** A deterministic AuthContext for calling a credential directly. */
export function testContext(events: SignetEvent[] = []): AuthContext {
  return createAuthContext({ clock: createClock({ now: () => 1_700_000_000_000 }), nonce: () => 'nonce-1', onEvent: (event) => events.push(event) });
}

/** A SignableRequest for calling a credential directly. */
export function signable(url = 'https://api.example.com/v1/things?page=2', headers: Record<string, string> = {}): SignableRequest {
  return { method: 'GET', url: new URL(url), headers: new Headers(headers), body: undefined };
}
