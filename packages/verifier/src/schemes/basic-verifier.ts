import type { SignetCrypto } from '@signet/core';
import { createKeySet } from '../key-set.js';
import type { SchemeVerifier } from '../scheme-verifier.js';
import { type BasicPolicy, compileBasicPolicy } from './basic-policy.js';
import { decodeBasic } from './decode-basic.js';
import { parseAuthorization } from './parse-authorization.js';

/** The Basic side of the verifier (RFC 7617). */
export function basicVerifier(policy: BasicPolicy, realm: string, crypto: SignetCrypto): SchemeVerifier {
  const passwords = createKeySet(compileBasicPolicy(policy), crypto);
  return {
    scheme: 'basic',
    // RFC 7617 §2.1: announce that user-id and password are UTF-8.
    challenge: `Basic realm="${realm}", charset="UTF-8"`,
    async verify(request) {
      const authorization = parseAuthorization(request.headers.get('authorization'));
      if (authorization?.scheme !== 'basic') return undefined;
      const credentials = decodeBasic(authorization.value);
      if (credentials === undefined) return { ok: false, reason: 'malformed_credentials' };
      // Only this user's passwords count; an unknown user costs the same comparisons as a known one.
      const user = await passwords.match(credentials.password, new Set([credentials.username]));
      return user === undefined ? { ok: false, reason: 'invalid_credentials' } : { ok: true, identity: user };
    },
  };
}
