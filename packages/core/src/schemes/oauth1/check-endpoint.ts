import { SignetConfigError } from '../../errors/config-error.js';
import { isLoopback } from '../../policy/origin-policy.js';

/** Parses an endpoint option to a URL, or throws a SignetConfigError naming `field`. */
export function checkEndpoint(value: unknown, field: string): URL {
  try {
    if (typeof value !== 'string' && !(value instanceof URL)) throw new TypeError();
    const url = new URL(value);
    // The token steps send consumer (and, for PLAINTEXT, token) secrets outside the send loop, so
    // they apply its rule themselves: https, or plain http to loopback only.
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
    if (url.protocol === 'http:') throw new SignetConfigError(field, `${url.origin} is plain http: the token steps send secrets; use https (plain http is allowed to loopback only)`);
  } catch (error) {
    if (error instanceof SignetConfigError) throw error;
    // Reported below.
  }
  throw new SignetConfigError(field, 'must be an absolute https URL');
}
