import { SignetConfigError } from '../errors/config-error.js';
import type { Credential } from './credential.js';

/**
 * Applies several credentials to one request, in order (mTLS + Bearer + DPoP, a gateway key plus
 * a user token). The result reads the body if any part does, is sensitive wherever any part is,
 * and asks for a re-send if any part does.
 *
 * @example
 * ```ts
 * combine(apiKey({ key: gatewayKey, header: 'X-Gateway-Key' }), basic({ username, password }));
 * ```
 */
export function combine(...credentials: Credential[]): Credential {
  if (credentials.length === 0) throw new SignetConfigError('credentials', 'combine() needs at least one credential');
  // Two parts writing the same header would silently overwrite each other: refuse it up front.
  const owners = new Map<string, number>();
  credentials.forEach((credential, i) => {
    for (const name of credential.sensitiveHeaders) {
      const other = owners.get(name.toLowerCase());
      if (other !== undefined) {
        throw new SignetConfigError(`credentials[${i}]`, `writes the ${name} header, as credentials[${other}] (${credentials[other]!.scheme}) does; one would overwrite the other`);
      }
      owners.set(name.toLowerCase(), i);
    }
  });
  return {
    scheme: credentials.map((c) => c.scheme).join('+'),
    requiresBody: credentials.some((c) => c.requiresBody),
    sensitiveHeaders: [...owners.keys()],
    sensitiveQueryParams: [...new Set(credentials.flatMap((c) => c.sensitiveQueryParams))],
    async authorize(request, context) {
      let signed = request;
      for (const credential of credentials) signed = await credential.authorize(signed, context);
      return signed;
    },
    async onResponse(response, request, context) {
      let verdict: 'retry' | undefined;
      // Every part sees the response (each may learn from it), then any one may ask for the re-send.
      for (const credential of credentials) {
        if ((await credential.onResponse?.(response, request, context)) === 'retry') verdict = 'retry';
      }
      return verdict;
    },
  };
}
