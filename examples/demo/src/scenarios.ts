import { apiKey, basic, type Clock, createClock, type Credential } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { dpop } from '@signet/core/dpop';
import { hmac } from '@signet/core/hmac';
import { httpSignature } from '@signet/core/http-signatures';
import { jwt } from '@signet/core/jwt';
import { clientCredentials, refreshToken } from '@signet/core/oauth2';
import { oauth1 } from '@signet/core/oauth1';
import { webhook } from '@signet/core/webhooks';
import type { AuthorizationServer, AuthorizationServerOptions, VerifierPolicy } from '@signet/verifier';

/** The servers a credential may need: the mock authorization server, mounted on the verifier's origin. */
export interface DemoServers {
  readonly origin: string;
  readonly authorizationServer: AuthorizationServer;
}

/** One demo case: a credential, a request, and whether the verifier should accept it. */
export interface Scenario {
  readonly scheme: string;
  /** The credential, or how to make one once the servers run (a token endpoint, a seeded refresh token). Made once per adapter. */
  readonly credential: Credential | ((servers: DemoServers) => Credential);
  /** A client certificate: a valid one, or one from a CA the TLS verifier does not trust. */
  readonly certificate?: 'valid' | 'wrong-ca';
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** A client clock other than the real one (to show skew recovery), made fresh per adapter so each learns for itself. */
  readonly clock?: () => Clock;
  /** What the row shows beyond scheme and request (`clock 7 min slow`). */
  readonly note?: string;
  readonly expectRefused: boolean;
}

// Demo-only secrets, made up here; nothing real.
const ORDERS_KEY = 'sk_demo_orders_2f9c41';
const ORDERS_KEY_NEXT = 'sk_demo_orders_next_77ab10';
const REPORTS_KEY = 'sk_demo_reports_c0ffee';
const PARTNER_SECRET = 'demo-partner-secret-0123456789-abcdef';
const WEBHOOK_SECRET = 'whsec_ZGVtby13ZWJob29rLXNlY3JldC0zMi1ieXRlcyEhISE=';
const WEBHOOK_SECRET_OTHER = 'whsec_YW5vdGhlci13ZWJob29rLXNlY3JldC0zMi1ieXRlcyE=';
const SIGNING_SECRET = 'demo-http-signature-secret-0123456789';
const OAUTH_CONSUMER = { consumerKey: 'demo-consumer', consumerSecret: 'demo-consumer-secret' };
const OAUTH_TOKEN = { token: 'demo-token', tokenSecret: 'demo-token-secret' };
const REPORTS_CLIENT_SECRET = 'demo-reports-client-secret';
// A fresh Ed25519 pair each run: the private key signs, the verifier knows only the public one.
const ed25519 = (await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify'])) as CryptoKeyPair;
const ed25519Public = await crypto.subtle.exportKey('jwk', ed25519.publicKey);
// The batch job's JWT key, and one the verifier has never seen.
const batchKey = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
const strangerKey = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
const batchPublic = await crypto.subtle.exportKey('jwk', batchKey.publicKey);

/** The mock authorization server's clients: a service with a secret, and a public SPA client. */
export const demoAuthorizationServer = (origin: string): AuthorizationServerOptions => ({
  issuer: origin,
  clients: { 'reports-service': { secret: REPORTS_CLIENT_SECRET }, 'demo-spa': {} },
  // Tokens are only issued to proofs carrying the server's nonce (RFC 9449 §8): one extra round trip.
  dpop: { nonce: true },
});

/** What the demo's verifier accepts (the bearer part needs the running authorization server). */
export const demoPolicy = (servers: DemoServers): VerifierPolicy => ({
  bearer: { issuers: [servers.authorizationServer, { issuer: 'batch-job', keys: batchPublic as never }], audience: servers.origin },
  realm: 'signet-demo',
  apiKey: { clients: { 'orders-service': [ORDERS_KEY, ORDERS_KEY_NEXT], 'reports-service': REPORTS_KEY } },
  basic: { users: { aladdin: 'open sesame', 'zoë': 'pässwörd £' } },
  hmac: { keys: { 'partner-42': PARTNER_SECRET } },
  webhook: { senders: { 'billing-events': WEBHOOK_SECRET } },
  oauth1: { consumers: { 'demo-consumer': OAUTH_CONSUMER.consumerSecret }, tokens: { 'demo-token': OAUTH_TOKEN.tokenSecret } },
  httpSignature: {
    keys: {
      'gateway-hmac': { algorithm: 'hmac-sha256', key: SIGNING_SECRET },
      'gateway-ed25519': { algorithm: 'ed25519', key: ed25519Public as { kty: 'OKP'; crv: 'Ed25519'; x: string } },
    },
  },
});

const tokenEndpoint = ({ authorizationServer }: DemoServers): string => authorizationServer.endpoints.token;

// A well-formed access token the authorization server never signed: the refused Bearer and DPoP rows.
const b64 = (value: object): string => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const forgedToken = ({ origin }: DemoServers): string =>
  `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ iss: origin, aud: origin, sub: 'mallory', client_id: 'reports-service', exp: 4102444800, iat: 1700000000, jti: 'forged' })}.${'A'.repeat(86)}`;

/** Every case the demo runs, each through every adapter. */
export const scenarios: readonly Scenario[] = [
  { scheme: 'api-key', credential: apiKey({ key: ORDERS_KEY }), method: 'GET', path: '/orders', expectRefused: false },
  { scheme: 'api-key', credential: apiKey({ key: ORDERS_KEY_NEXT }), method: 'POST', path: '/orders', body: '{"sku":"A-1"}', expectRefused: false },
  { scheme: 'api-key', credential: apiKey({ key: 'sk_demo_wrong_000000' }), method: 'GET', path: '/orders', expectRefused: true },
  { scheme: 'api-key', credential: apiKey({ key: REPORTS_KEY }), method: 'GET', path: '/reports', expectRefused: false },
  { scheme: 'basic', credential: basic({ username: 'aladdin', password: 'open sesame' }), method: 'GET', path: '/profile', expectRefused: false },
  { scheme: 'basic', credential: basic({ username: 'zoë', password: 'pässwörd £' }), method: 'GET', path: '/profile', expectRefused: false },
  { scheme: 'basic', credential: basic({ username: 'aladdin', password: 'wrong' }), method: 'GET', path: '/profile', expectRefused: true },
  {
    scheme: 'hmac',
    credential: hmac({ keyId: 'partner-42', secret: PARTNER_SECRET }),
    method: 'POST',
    path: '/orders?b=2&a=%7e',
    headers: { 'content-type': 'application/json' },
    body: '{"sku":"A-1","qty":2}',
    expectRefused: false,
  },
  {
    scheme: 'hmac',
    credential: hmac({ keyId: 'partner-42', secret: PARTNER_SECRET }),
    method: 'GET',
    path: '/orders',
    clock: () => createClock({ now: () => Date.now() - 7 * 60_000 }),
    note: 'clock 7 min slow',
    expectRefused: false,
  },
  { scheme: 'hmac', credential: hmac({ keyId: 'partner-42', secret: 'not-the-partner-secret-0123456789-xyz' }), method: 'GET', path: '/orders', expectRefused: true },
  {
    scheme: 'webhook',
    credential: webhook({ secrets: WEBHOOK_SECRET }),
    method: 'POST',
    path: '/hooks/billing',
    headers: { 'content-type': 'application/json', 'webhook-id': 'evt_2zK9' },
    body: '{"type":"invoice.paid","id":"in_1"}',
    expectRefused: false,
  },
  {
    scheme: 'webhook',
    credential: webhook({ secrets: [WEBHOOK_SECRET_OTHER, WEBHOOK_SECRET] }),
    method: 'POST',
    path: '/hooks/billing',
    body: '{"type":"invoice.paid","id":"in_2"}',
    note: 'two signatures, rotating',
    expectRefused: false,
  },
  { scheme: 'webhook', credential: webhook({ secrets: WEBHOOK_SECRET_OTHER }), method: 'POST', path: '/hooks/billing', body: '{}', expectRefused: true },
  {
    scheme: 'http-signature',
    credential: httpSignature({ keyId: 'gateway-hmac', algorithm: 'hmac-sha256', key: SIGNING_SECRET }),
    method: 'POST',
    path: '/transfers',
    headers: { 'content-type': 'application/json' },
    body: '{"amount":100}',
    note: 'hmac-sha256',
    expectRefused: false,
  },
  {
    scheme: 'http-signature',
    credential: httpSignature({ keyId: 'gateway-ed25519', algorithm: 'ed25519', key: ed25519.privateKey }),
    method: 'GET',
    path: '/transfers?status=open',
    note: 'ed25519',
    expectRefused: false,
  },
  {
    scheme: 'oauth1',
    credential: oauth1({ ...OAUTH_CONSUMER, ...OAUTH_TOKEN }),
    method: 'POST',
    path: '/statuses/update?include_entities=true',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'status=Hello%20Ladies%20%2B%20Gentlemen',
    note: 'HMAC-SHA1, form body',
    expectRefused: false,
  },
  { scheme: 'oauth1', credential: oauth1({ ...OAUTH_CONSUMER, signatureMethod: 'HMAC-SHA256' }), method: 'GET', path: '/timeline?count=5', note: 'two-legged, HMAC-SHA256', expectRefused: false },
  { scheme: 'oauth1', credential: oauth1({ ...OAUTH_CONSUMER, token: 'demo-token', tokenSecret: 'wrong' }), method: 'GET', path: '/timeline', expectRefused: true },
  {
    scheme: 'http-signature',
    credential: httpSignature({ keyId: 'gateway-hmac', algorithm: 'hmac-sha256', key: 'a-secret-the-verifier-does-not-know-0000' }),
    method: 'GET',
    path: '/transfers',
    expectRefused: true,
  },
  {
    scheme: 'bearer',
    credential: (servers) => bearer(clientCredentials({ tokenEndpoint: tokenEndpoint(servers), clientId: 'reports-service', clientSecret: REPORTS_CLIENT_SECRET })),
    method: 'GET',
    path: '/reports',
    note: 'client credentials',
    expectRefused: false,
  },
  {
    scheme: 'bearer',
    credential: (servers) => bearer(refreshToken({ tokenEndpoint: tokenEndpoint(servers), clientId: 'demo-spa', refreshToken: servers.authorizationServer.issueRefreshToken({ clientId: 'demo-spa' }) })),
    method: 'GET',
    path: '/profile',
    note: 'refresh token, rotating',
    expectRefused: false,
  },
  { scheme: 'bearer', credential: (servers) => bearer(forgedToken(servers)), method: 'GET', path: '/reports', note: 'forged token', expectRefused: true },
  {
    scheme: 'dpop',
    credential: (servers) => dpop(clientCredentials({ tokenEndpoint: tokenEndpoint(servers), clientId: 'reports-service', clientSecret: REPORTS_CLIENT_SECRET })),
    method: 'POST',
    path: '/reports/export',
    headers: { 'content-type': 'application/json' },
    body: '{"format":"csv"}',
    note: 'token bound to the key, server nonce',
    expectRefused: false,
  },
  { scheme: 'dpop', credential: (servers) => dpop(async () => ({ accessToken: forgedToken(servers), tokenType: 'DPoP', expiresIn: 300 })), method: 'GET', path: '/reports', note: 'forged token', expectRefused: true },
  { scheme: 'jwt', credential: jwt({ algorithm: 'ES256', key: batchKey.privateKey, issuer: 'batch-job' }), method: 'GET', path: '/reports', note: 'self-signed, ES256', expectRefused: false },
  { scheme: 'jwt', credential: jwt({ algorithm: 'ES256', key: strangerKey.privateKey, issuer: 'batch-job' }), method: 'GET', path: '/reports', note: 'key the verifier does not know', expectRefused: true },
  { scheme: 'mtls', credential: apiKey({ key: ORDERS_KEY }), certificate: 'valid', method: 'GET', path: '/orders', note: 'client certificate + API key', expectRefused: false },
  { scheme: 'mtls', credential: apiKey({ key: ORDERS_KEY }), certificate: 'wrong-ca', method: 'GET', path: '/orders', note: 'certificate from an unknown CA', expectRefused: true },
];
