import { SignetCredentialError } from '@signet/core';
import type { MtlsCredential, MtlsOptions } from './mtls.js';

/**
 * The browser build of {@link mtls}: browsers choose client certificates themselves (from the
 * user's store, by prompt) and give scripts no API to present one, so this always throws
 * `SignetCredentialError` with code `unsupported_runtime`. Served by the `browser` export
 * condition of `@signet/node` (and Deno/workers, which have no client-certificate API in fetch).
 */
export function mtls(_options: MtlsOptions): MtlsCredential {
  throw new SignetCredentialError(
    'mtls',
    'client certificates need Node (undici or node:https); browsers present certificates from the user\'s store and give scripts no way to choose one',
    undefined,
    'unsupported_runtime',
  );
}
