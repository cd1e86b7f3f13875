// The mock authorization server and a resource that accepts its tokens, on one loopback server,
// run by the bench in a child process (refresh-burst.ts) so its CPU is not the client's. Prints
// `{"origin":"http://127.0.0.1:<port>"}` once listening; exits when its parent closes stdin or
// sends SIGTERM. Two control routes, for the bench only:
//   POST /bench/expire    moves the servers' clock past every token issued so far
//   GET  /bench/counters  the authorization server's counters, as JSON
import { createAuthorizationServer, createVerifier } from '@signet/verifier';
import { startVerifierServer } from '@signet/verifier/server';
import { OAUTH_CLIENT, TOKEN_LIFETIME_SECONDS } from './fixtures/oauth-client.js';

// The servers' clock: real time plus jumps. The client's clock is never moved, so it believes its
// token still good and learns otherwise from the resource's 401, as after a revocation or a
// server restart: the case where every in-flight request fails at once.
let offsetMs = 0;
const now = (): number => Date.now() + offsetMs;

const server = await startVerifierServer({
  authorizationServer: (origin) =>
    createAuthorizationServer({ issuer: origin, now, accessTokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, clients: { [OAUTH_CLIENT.id]: { secret: OAUTH_CLIENT.secret } } }),
  verifier: ({ origin, authorizationServer }) => createVerifier({ now, bearer: { issuers: [authorizationServer!], audience: origin } }),
  routes: {
    '/bench/expire': async () => {
      offsetMs += 2 * TOKEN_LIFETIME_SECONDS * 1000;
      return Response.json({ offsetMs });
    },
    '/bench/counters': async () => Response.json(server.authorizationServer!.counters),
  },
});
process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
