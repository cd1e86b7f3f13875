import { SignetConfigError } from '../../errors/config-error.js';

/** Parses an endpoint option to a URL, or throws a SignetConfigError naming `field`. */
export function checkEndpoint(value: unknown, field: string): URL {
  try {
    if (typeof value !== 'string' && !(value instanceof URL)) throw new TypeError();
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Reported below.
  }
  throw new SignetConfigError(field, 'must be an absolute http(s) URL');
}
