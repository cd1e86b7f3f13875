// The schemes under test, as a table: adding bearer, jwt, dpop or mTLS later means adding one
// entry here (its credential, its slice of the verifier policy, and what the suite should expect).
import { apiKey, basic, type Credential } from '@signet/core';
import { hmac } from '@signet/core/hmac';
import { httpSignature } from '@signet/core/http-signatures';
import { oauth1 } from '@signet/core/oauth1';
import { webhook } from '@signet/core/webhooks';
import type { VerifierPolicy } from '@signet/verifier';

/** One scheme of the matrix. */
export interface SchemeEntry {
  /** The credential's `scheme`, and the verifier's name for it. */
  readonly name: string;
  /** A fresh credential (schemes may keep per-instance state). */
  readonly credential: () => Credential;
  /** This scheme's part of the one verifier policy the servers use. */
  readonly policy: VerifierPolicy;
  /** Who the verifier should say the caller is. */
  readonly identity: string;
  /** The scheme signs the body, so the send loop must buffer it (and a stream becomes replayable). */
  readonly signsBody: boolean;
  /** The scheme signs a timestamp, so a client clock far off is refused. */
  readonly timeBased: boolean;
  /** On a clock-skew 401 it learns the server's time and asks for the one re-send. */
  readonly resendsOnSkew: boolean;
}

// Test-only secrets, made up here.
const KEY = 'sk_conformance_key_01';
const PASSWORD = 'pässwörd-conformance';
const HMAC_SECRET = 'hmac-conformance-secret-0123456789';
const SIG_SECRET = 'sig-conformance-secret-0123456789ab';
const WEBHOOK_SECRET = `whsec_${Buffer.from('webhook-conformance-32-bytes-ok!').toString('base64')}`;
const OAUTH = { consumerKey: 'printer', consumerSecret: 'cs-conformance', token: 'jane', tokenSecret: 'ts-conformance' };

export const SCHEMES: readonly SchemeEntry[] = [
  {
    name: 'api-key',
    credential: () => apiKey({ key: KEY, header: 'X-API-Key' }),
    policy: { apiKey: { clients: { 'svc-a': KEY }, header: 'X-API-Key' } },
    identity: 'svc-a',
    signsBody: false,
    timeBased: false,
    resendsOnSkew: false,
  },
  {
    name: 'basic',
    credential: () => basic({ username: 'zoë', password: PASSWORD }),
    policy: { basic: { users: { zoë: PASSWORD } } },
    identity: 'zoë',
    signsBody: false,
    timeBased: false,
    resendsOnSkew: false,
  },
  {
    name: 'hmac',
    credential: () => hmac({ keyId: 'partner-42', secret: HMAC_SECRET }),
    policy: { hmac: { keys: { 'partner-42': HMAC_SECRET } } },
    identity: 'partner-42',
    signsBody: true,
    timeBased: true,
    resendsOnSkew: true,
  },
  {
    name: 'http-signature',
    credential: () => httpSignature({ keyId: 'gateway', algorithm: 'hmac-sha256', key: SIG_SECRET }),
    policy: { httpSignature: { keys: { gateway: { algorithm: 'hmac-sha256', key: SIG_SECRET } } } },
    identity: 'gateway',
    signsBody: true,
    timeBased: true,
    resendsOnSkew: true,
  },
  {
    name: 'oauth1',
    // bodyHash: a body that is not a form is signed too (oauth_body_hash).
    credential: () => oauth1({ ...OAUTH, bodyHash: true }),
    policy: { oauth1: { consumers: { printer: OAUTH.consumerSecret }, tokens: { jane: OAUTH.tokenSecret } } },
    identity: 'printer',
    signsBody: true,
    timeBased: true,
    resendsOnSkew: true,
  },
  {
    name: 'webhook',
    credential: () => webhook({ secrets: WEBHOOK_SECRET }),
    policy: { webhook: { senders: { billing: WEBHOOK_SECRET } } },
    identity: 'billing',
    signsBody: true,
    timeBased: true,
    resendsOnSkew: false,
  },
];

/** The one policy every server verifies with: every scheme's part together. */
export const conformancePolicy: VerifierPolicy = Object.assign({ realm: 'conformance' }, ...SCHEMES.map((s) => s.policy));
