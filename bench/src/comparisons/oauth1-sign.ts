import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { createAuthContext, SigningHeaders } from '@signet/core';
import { buildBaseString, collectParameters, oauth1 } from '@signet/core/oauth1';
import type { Comparison, ComparisonGroup } from '../runner/comparison.js';
import { freshRequests, type OwnedRequest } from '../fixtures/fresh-requests.js';
import { blackhole } from '../runner/measure.js';

// The X/Twitter developer-docs example request: a query parameter and a form body, with a token.
const CONSUMER = { key: 'xvz1evFS4wEEPTGEFPHBog', secret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw' };
const TOKEN = { key: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', secret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE' };
const URL_TEXT = 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true';
const FORM = 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21';

/**
 * Issue 4: OAuth 1.0a signing, against (a) the floor, one HMAC-SHA1 over an already-built base
 * string, and (b) `oauth-1.0a` used directly, in bytes allocated per signed request.
 */
export const oauth1Sign: ComparisonGroup = {
  name: 'oauth1 sign',
  async open() {
    const credential = oauth1({ consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret, token: TOKEN.key, tokenSecret: TOKEN.secret });
    const context = createAuthContext();
    const url = new URL(URL_TEXT);
    const body = new TextEncoder().encode(FORM);
    // A fresh request per operation, headers the send loop owns, its first attempt (fresh-requests.ts).
    const make = (): OwnedRequest => ({ method: 'POST', url, headers: new SigningHeaders({ 'content-type': 'application/x-www-form-urlencoded' }), body });
    const request = make();
    const requests = freshRequests(make);
    const signet = {
      label: 'await oauth1({ consumerKey, consumerSecret, token, tokenSecret }).authorize(request, context), in an attempt of the send loop',
      prepare: requests.prepare,
      async run(ops: number) {
        for (let i = 0; i < ops; i++) blackhole.value = await credential.authorize(requests.next(), context);
      },
    };

    // The floor: the HMAC-SHA1 of a base string already built (what every implementation must hash).
    const parameters = collectParameters({
      url: request.url,
      contentType: request.headers.get('content-type'),
      body: request.body,
      protocolParameters: [
        ['oauth_consumer_key', CONSUMER.key],
        ['oauth_nonce', 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg'],
        ['oauth_signature_method', 'HMAC-SHA1'],
        ['oauth_timestamp', '1318622958'],
        ['oauth_token', TOKEN.key],
        ['oauth_version', '1.0'],
      ],
    });
    const baseString = buildBaseString({ method: 'POST', url: request.url, parameters });
    const key = `${encodeURIComponent(CONSUMER.secret)}&${encodeURIComponent(TOKEN.secret)}`;

    // oauth-1.0a as its README shows it, hashing with node:crypto.
    const library = new OAuth({
      consumer: CONSUMER,
      signature_method: 'HMAC-SHA1',
      hash_function: (base, signingKey) => createHmac('sha1', signingKey).update(base).digest('base64'),
    });

    const floor: Comparison = {
      name: 'oauth1 sign vs HMAC-SHA1 over its base string',
      target: 3,
      source: 'issue 4',
      metric: 'wall',
      measured: 'time per signed request (collect, normalize, base string, HMAC-SHA1, header) vs the HMAC alone',
      signet,
      baseline: {
        label: "createHmac('sha1', key).update(baseString).digest('base64')",
        async run(ops) {
          for (let i = 0; i < ops; i++) blackhole.value = createHmac('sha1', key).update(baseString).digest('base64');
        },
      },
      ops: { normal: 2_000, quick: 300 },
    };
    const allocation: Comparison = {
      name: 'oauth1 sign vs oauth-1.0a, bytes allocated',
      target: 0.4,
      source: 'issue 4',
      metric: 'bytes',
      measured: 'bytes allocated per signed request (heap and array buffers)',
      signet,
      baseline: {
        label: "oauth.toHeader(oauth.authorize({ url, method, data }, token))",
        async run(ops) {
          for (let i = 0; i < ops; i++) {
            // oauth-1.0a mutates the request object, so each call gets a fresh one (as a user's code would).
            const data = { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' };
            blackhole.value = library.toHeader(library.authorize({ url: URL_TEXT, method: 'POST', data }, TOKEN));
          }
        },
      },
      // Few operations per batch: a batch must fit in the young generation as it is after the full GC
      // the runner does first (about 1 MB on Node 20, whatever --max-semi-space-size allows it to
      // grow to), or a scavenge during the batch hides most of what both sides allocated
      // (2,000 per batch measured about 1.1 kB against 0.97 kB; with no scavenge it is 5.3 kB
      // against 21.6 kB). 20 × 22 kB fits. Allocation is deterministic, so few operations suffice;
      // the warmup is long so both sides run optimized code.
      ops: { normal: 20, quick: 20 },
      warmupOps: { normal: 5_000, quick: 300 },
    };
    return { comparisons: [floor, allocation], close: async () => undefined };
  },
};
