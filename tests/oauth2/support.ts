import type { Clock } from '@signet/core';
import { createAuthorizationServer, type AuthorizationServer, type AuthorizationServerOptions, createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';

/** A clock shared by the client, the authorization server and the resource, moved by the test. */
export function sharedTime(start = Date.now()) {
  let now = start;
  return {
    now: () => now,
    // The client's clock. It must not learn from the servers' Date headers, which tell real time,
    // while this test moves time by hand.
    clock: { now: () => now, offsetMs: 0, observeServerTime: () => false } satisfies Clock,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** The mock authorization server and a resource that accepts its tokens, on one loopback server. */
export async function startOAuthServer(
  time: ReturnType<typeof sharedTime>,
  options: Partial<AuthorizationServerOptions> & { resourceDpopNonce?: boolean } = {},
): Promise<VerifierServer & { as: AuthorizationServer }> {
  const { resourceDpopNonce, ...asOptions } = options;
  const server = await startVerifierServer({
    authorizationServer: (origin) =>
      createAuthorizationServer({ issuer: origin, now: time.now, accessTokenLifetimeSeconds: 60, clients: { app: { secret: 'app-secret' }, spa: {} }, ...asOptions }),
    verifier: ({ origin, authorizationServer }) =>
      createVerifier({ now: time.now, bearer: { issuers: [authorizationServer!], audience: origin, ...(resourceDpopNonce ? { dpop: { nonce: true } } : {}) } }),
  });
  return Object.assign(server, { as: server.authorizationServer! });
}
