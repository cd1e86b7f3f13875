// The schemes under test, as a table: adding a scheme means adding one entry here (its credential,
// its slice of the verifier policy, and what the suite should expect). Credentials and policies
// are functions of the running home server: token schemes need its origin (the audience) and the
// mock authorization server mounted on it (the token endpoint, the trusted issuer).
import { apiKey, basic, type Credential } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { dpop } from '@signet/core/dpop';
import { hmac } from '@signet/core/hmac';
import { httpSignature } from '@signet/core/http-signatures';
import { jwt } from '@signet/core/jwt';
import { clientCredentials } from '@signet/core/oauth2';
import { oauth1 } from '@signet/core/oauth1';
import { webhook } from '@signet/core/webhooks';
import type { AuthorizationServer, AuthorizationServerOptions, VerifierPolicy } from '@signet/verifier';

/** What a credential or a policy may need from the running home server. */
export interface SchemeServers {
  /** The home verifier's origin: the audience of every token. */
  readonly origin: string;
  /** The mock authorization server mounted on the home origin. */
  readonly authorizationServer: AuthorizationServer;
}

/**
 * What a client whose clock is 10 minutes slow gets: `unaffected` (nothing is time-signed, or the
 * token's times are the server's own), `resent` (one refusal, the clock learned, one re-send,
 * verified), `refused` (one refusal the scheme cannot recover from: webhooks have no skew answer),
 * `token_refused` (the token endpoint refuses the slow proof and the call fails before reaching
 * the resource: DPoP today, a known gap pinned by an `it.fails` in conformance.test.ts).
 */
export type SlowClockOutcome = 'unaffected' | 'resent' | 'refused' | 'token_reproved';

/**
 * What a server that always answers 401 gets: `returned` (one request, its 401 returned),
 * `resent` (one re-send, the second 401 returned), `auth_rejected` (one re-send with a new
 * token, then a SignetCredentialError `auth_rejected` instead of the second 401).
 */
export type Always401Outcome = 'returned' | 'resent' | 'auth_rejected';

/** One scheme of the matrix. */
export interface SchemeEntry {
  /** The credential's `scheme`. */
  readonly name: string;
  /** The verifier's name for it, when different (a self-signed JWT is a Bearer token to the verifier). */
  readonly verifierScheme?: string;
  /** A fresh credential (schemes may keep per-instance state: tokens, keys, nonces, a JWT cache). */
  readonly credential: (servers: SchemeServers) => Credential;
  /** This scheme's part of the one verifier policy the servers use. */
  readonly policy: (servers: SchemeServers) => VerifierPolicy;
  /** Who the verifier should say the caller is. */
  readonly identity: string;
  /** The scheme signs the body, so the send loop must buffer it (and a stream becomes replayable). */
  readonly signsBody: boolean;
  readonly slowClock: SlowClockOutcome;
  readonly always401: Always401Outcome;
  /** Its tokens come from the home token endpoint: one token request per fresh credential, then reused. */
  readonly fetchesTokens: boolean;
}

// Test-only secrets, made up here.
const KEY = 'sk_conformance_key_01';
const PASSWORD = 'pässwörd-conformance';
const HMAC_SECRET = 'hmac-conformance-secret-0123456789';
const SIG_SECRET = 'sig-conformance-secret-0123456789ab';
const WEBHOOK_SECRET = `whsec_${Buffer.from('webhook-conformance-32-bytes-ok!').toString('base64')}`;
const OAUTH = { consumerKey: 'printer', consumerSecret: 'cs-conformance', token: 'jane', tokenSecret: 'ts-conformance' };
const BEARER_CLIENT = { clientId: 'svc-bearer', clientSecret: 'bearer-client-secret-conformance' };
const DPOP_CLIENT = { clientId: 'svc-dpop', clientSecret: 'dpop-client-secret-conformance' };
const JWT_ISSUER = 'jwt-client';
// The JWT client's key pair, made per run: the verifier knows only the public half.
const jwtKeys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
const jwtPublicJwk = await crypto.subtle.exportKey('jwk', jwtKeys.publicKey);

/** The mock authorization server mounted on the home origin: the Bearer and DPoP clients. */
export const authorizationServerOptions = (origin: string): AuthorizationServerOptions => ({
  issuer: origin,
  clients: { [BEARER_CLIENT.clientId]: { secret: BEARER_CLIENT.clientSecret }, [DPOP_CLIENT.clientId]: { secret: DPOP_CLIENT.clientSecret } },
});

// Bearer, DPoP and the self-signed JWT are all verified by the one `bearer` policy: the
// authorization server's access tokens and the JWT client's own, for the home origin only.
const tokenPolicy = ({ origin, authorizationServer }: SchemeServers): VerifierPolicy => ({
  bearer: { issuers: [authorizationServer, { issuer: JWT_ISSUER, keys: jwtPublicJwk as never }], audience: origin },
});
const tokenEndpoint = ({ authorizationServer }: SchemeServers): string => authorizationServer.endpoints.token;

export const SCHEMES: readonly SchemeEntry[] = [
  {
    name: 'api-key',
    credential: () => apiKey({ key: KEY, header: 'X-API-Key' }),
    policy: () => ({ apiKey: { clients: { 'svc-a': KEY }, header: 'X-API-Key' } }),
    identity: 'svc-a',
    signsBody: false,
    slowClock: 'unaffected',
    always401: 'returned',
    fetchesTokens: false,
  },
  {
    name: 'basic',
    credential: () => basic({ username: 'zoë', password: PASSWORD }),
    policy: () => ({ basic: { users: { zoë: PASSWORD } } }),
    identity: 'zoë',
    signsBody: false,
    slowClock: 'unaffected',
    always401: 'returned',
    fetchesTokens: false,
  },
  {
    name: 'hmac',
    credential: () => hmac({ keyId: 'partner-42', secret: HMAC_SECRET }),
    policy: () => ({ hmac: { keys: { 'partner-42': HMAC_SECRET } } }),
    identity: 'partner-42',
    signsBody: true,
    slowClock: 'resent',
    // The /reject verifier's clock jumps ahead each time: a fresh skew challenge, one re-send.
    always401: 'resent',
    fetchesTokens: false,
  },
  {
    name: 'http-signature',
    credential: () => httpSignature({ keyId: 'gateway', algorithm: 'hmac-sha256', key: SIG_SECRET }),
    policy: () => ({ httpSignature: { keys: { gateway: { algorithm: 'hmac-sha256', key: SIG_SECRET } } } }),
    identity: 'gateway',
    signsBody: true,
    slowClock: 'resent',
    always401: 'resent',
    fetchesTokens: false,
  },
  {
    name: 'oauth1',
    // bodyHash: a body that is not a form is signed too (oauth_body_hash).
    credential: () => oauth1({ ...OAUTH, bodyHash: true }),
    policy: () => ({ oauth1: { consumers: { printer: OAUTH.consumerSecret }, tokens: { jane: OAUTH.tokenSecret } } }),
    identity: 'printer',
    signsBody: true,
    slowClock: 'resent',
    always401: 'resent',
    fetchesTokens: false,
  },
  {
    name: 'webhook',
    credential: () => webhook({ secrets: WEBHOOK_SECRET }),
    policy: () => ({ webhook: { senders: { billing: WEBHOOK_SECRET } } }),
    identity: 'billing',
    signsBody: true,
    slowClock: 'refused',
    always401: 'returned',
    fetchesTokens: false,
  },
  {
    name: 'bearer',
    credential: (servers) => bearer(clientCredentials({ tokenEndpoint: tokenEndpoint(servers), ...BEARER_CLIENT })),
    policy: tokenPolicy,
    // The access token's sub is the client id (client credentials: the client acts for itself).
    identity: BEARER_CLIENT.clientId,
    signsBody: false,
    // iat/exp are the authorization server's; the client only times its own refresh with its clock.
    slowClock: 'unaffected',
    // The /reject verifier finds every token expired: one refresh and re-send, then auth_rejected.
    always401: 'auth_rejected',
    fetchesTokens: true,
  },
  {
    name: 'dpop',
    credential: (servers) => dpop(clientCredentials({ tokenEndpoint: tokenEndpoint(servers), ...DPOP_CLIENT })),
    policy: tokenPolicy,
    identity: DPOP_CLIENT.clientId,
    signsBody: false,
    // Proofs carry iat from the client's clock (RFC 9449 §4.2), checked within 60 s (§4.3 check
    // 11). The token endpoint refuses the first proof (400 invalid_dpop_proof); the token request
    // learns that response's Date and proves once more, dated by the corrected clock.
    slowClock: 'token_reproved',
    always401: 'auth_rejected',
    fetchesTokens: true,
  },
  {
    name: 'jwt',
    verifierScheme: 'bearer',
    // aud defaults to the request's origin: the home origin, which is the verifier's audience.
    credential: () => jwt({ algorithm: 'ES256', key: jwtKeys.privateKey, issuer: JWT_ISSUER }),
    policy: tokenPolicy,
    identity: JWT_ISSUER,
    signsBody: false,
    // Minted on a slow clock, the JWT is expired on arrival; the 401's Date fixes the clock and
    // the JWT is minted again for the one re-send.
    slowClock: 'resent',
    // Every JWT is expired on the /reject verifier's clock: one re-send, then the 401 is returned.
    always401: 'resent',
    fetchesTokens: false,
  },
];

/** The one policy every server verifies with: every scheme's part together. */
export const conformancePolicy = (servers: SchemeServers): VerifierPolicy =>
  Object.assign({ realm: 'conformance' }, ...SCHEMES.map((s) => s.policy(servers)));
