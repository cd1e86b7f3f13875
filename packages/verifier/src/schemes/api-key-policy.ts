import { checkOptionsObject, checkText, checkToken, type Secret, SignetConfigError } from '@signet/core';
import { checkKeyMap, type SecretList } from './secret-list.js';

/** How the verifier accepts API keys; mirrors the options of `apiKey()` on the client side. */
export interface ApiKeyPolicy {
  /**
   * Client id → that client's valid keys. Several keys per client is how keys rotate: add the
   * new key, move the callers, then remove the old one.
   */
  clients: Readonly<Record<string, SecretList>>;
  /** The header carrying the key (default `Authorization`, as `ApiKey <key>`). */
  header?: string;
  /** The auth-scheme word when the header is `Authorization` (default `ApiKey`). */
  scheme?: string;
  /** Read the key from this query parameter instead of a header. */
  query?: string;
}

/** An {@link ApiKeyPolicy} checked and normalized once. */
export interface CompiledApiKeyPolicy {
  readonly keys: Array<readonly [string, Secret]>;
  /** Lower-cased header name, or undefined when the key comes in the query. */
  readonly header: string | undefined;
  /** The auth-scheme word: in the Authorization header, and in challenges. */
  readonly scheme: string;
  readonly query: string | undefined;
}

/** Checks an {@link ApiKeyPolicy} with the same rules as the client's `apiKey()` options. */
export function compileApiKeyPolicy(policy: ApiKeyPolicy): CompiledApiKeyPolicy {
  checkOptionsObject(policy, 'apiKey');
  if (policy.query !== undefined && (policy.header !== undefined || policy.scheme !== undefined)) {
    throw new SignetConfigError('apiKey.query', 'cannot be combined with apiKey.header or apiKey.scheme: the key is read from one place');
  }
  const header = policy.query === undefined ? checkToken(policy.header ?? 'authorization', 'apiKey.header').toLowerCase() : undefined;
  if (policy.scheme !== undefined && header !== 'authorization') {
    throw new SignetConfigError('apiKey.scheme', 'applies only to the Authorization header; a custom header carries the bare key');
  }
  return {
    keys: checkKeyMap(policy.clients, 'apiKey.clients'),
    header,
    scheme: checkToken(policy.scheme ?? 'ApiKey', 'apiKey.scheme'),
    query: policy.query === undefined ? undefined : checkText(policy.query, 'apiKey.query'),
  };
}
