import type { SignetCrypto } from '@signet/core';
import { createKeySet } from '../key-set.js';
import type { SchemeVerifier } from '../scheme-verifier.js';
import { type ApiKeyPolicy, compileApiKeyPolicy } from './api-key-policy.js';
import { parseAuthorization } from './parse-authorization.js';

/** The API key side of the verifier: finds the key where the policy says and matches it in constant time. */
export function apiKeyVerifier(policy: ApiKeyPolicy, realm: string, crypto: SignetCrypto): SchemeVerifier {
  const compiled = compileApiKeyPolicy(policy);
  const keys = createKeySet(compiled.keys, crypto);
  const schemeWord = compiled.scheme.toLowerCase();

  function presentedKey(request: Request): string | undefined {
    if (compiled.header === 'authorization') {
      const authorization = parseAuthorization(request.headers.get('authorization'));
      return authorization?.scheme === schemeWord ? authorization.value : undefined;
    }
    if (compiled.header !== undefined) return request.headers.get(compiled.header)?.trim();
    return new URL(request.url).searchParams.get(compiled.query!) ?? undefined;
  }

  return {
    scheme: 'api-key',
    challenge: `${compiled.scheme} realm="${realm}"`,
    async verify(request) {
      const presented = presentedKey(request);
      if (presented === undefined) return undefined;
      if (presented.length === 0) return { ok: false, reason: 'malformed_credentials' };
      const client = await keys.match(presented);
      return client === undefined ? { ok: false, reason: 'unknown_key' } : { ok: true, identity: client };
    },
  };
}
