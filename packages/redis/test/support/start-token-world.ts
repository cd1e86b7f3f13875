import { type AuthorizationServer, createAuthorizationServer, createVerifier } from '@signet/verifier';
import { startVerifierServer, type VerifierServer } from '@signet/verifier/server';

/** The mock authorization server and a resource that verifies its tokens, on one loopback server. */
export interface TokenWorld {
  readonly server: VerifierServer;
  readonly as: AuthorizationServer;
  readonly tokenEndpoint: string;
  readonly resourceUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every access token the resource has seen so far is refused from now on (401 invalid_token). */
  revokeSeenTokens(): void;
  /** How many distinct access tokens the resource accepted. */
  readonly acceptedTokens: number;
}

/**
 * Starts the verifier server with the mock authorization server (refresh token rotation and reuse
 * detection, counters) mounted, and a `/resource` that accepts its access tokens. Revoking the
 * tokens seen is how a test makes every replica need a new token at once without waiting for one
 * to expire.
 */
export async function startTokenWorld(): Promise<TokenWorld> {
  const clientId = 'fleet';
  const clientSecret = 'fleet-client-secret-0123456789';
  const seen = new Set<string>();
  const revoked = new Set<string>();
  const accepted = new Set<string>();
  let resource: (request: Request) => Promise<Response> = () => Promise.reject(new Error('not ready'));
  const server = await startVerifierServer({
    authorizationServer: (origin) => createAuthorizationServer({
        issuer: origin,
        clients: { [clientId]: { secret: clientSecret } },
        // A `delay` fault never ends: the token request of a process about to be killed hangs.
        sleep: () => new Promise<void>(() => undefined),
      }),
    verifier: ({ origin, authorizationServer }) => {
      const verifier = createVerifier({ bearer: { issuers: [authorizationServer!], audience: origin } });
      resource = async (request) => {
        const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
        seen.add(token);
        if (revoked.has(token)) return new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
        const result = await verifier.verify(request);
        if (!result.ok) return new Response(result.reason, { status: result.status, headers: { 'www-authenticate': result.challenge } });
        accepted.add(token);
        return new Response('ok');
      };
      return verifier;
    },
    routes: { '/resource': (request) => resource(request) },
  });
  const as = server.authorizationServer!;
  return {
    server,
    as,
    tokenEndpoint: as.endpoints.token,
    resourceUrl: `${server.origin}/resource`,
    clientId,
    clientSecret,
    revokeSeenTokens: () => seen.forEach((token) => revoked.add(token)),
    get acceptedTokens() {
      return accepted.size;
    },
  };
}
