// Test fixtures: one verifier policy that accepts every scheme core can sign, with made-up secrets.
import type { VerifierPolicy } from '@signet/verifier';

export const API_KEY = 'sk_axios_loopback_01';
export const BASIC = { username: 'zoë', password: 'pässwörd £' };
export const HMAC = { keyId: 'partner-42', secret: 'axios-hmac-secret-0123456789-abcdef' };
export const WEBHOOK_SECRET = 'whsec_ZGVtby13ZWJob29rLXNlY3JldC0zMi1ieXRlcyEhISE=';
export const SIGNING = { keyId: 'gateway-hmac', algorithm: 'hmac-sha256', key: 'axios-http-signature-secret-0123456789' } as const;
export const OAUTH = { consumerKey: 'printer', consumerSecret: 'axios-consumer-secret', token: 'jane-token', tokenSecret: 'axios-token-secret' };

export const policy: VerifierPolicy = {
  apiKey: { clients: { 'svc-a': API_KEY }, header: 'X-API-Key' },
  basic: { users: { [BASIC.username]: BASIC.password } },
  hmac: { keys: { [HMAC.keyId]: HMAC.secret } },
  webhook: { senders: { 'billing-events': WEBHOOK_SECRET } },
  oauth1: { consumers: { [OAUTH.consumerKey]: OAUTH.consumerSecret }, tokens: { [OAUTH.token]: OAUTH.tokenSecret } },
  httpSignature: { keys: { [SIGNING.keyId]: { algorithm: SIGNING.algorithm, key: SIGNING.key } } },
};
