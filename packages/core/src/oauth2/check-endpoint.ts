import { SignetConfigError } from '../errors/config-error.js';

/** A token endpoint option: an absolute http(s) URL without user info or fragment. */
export function checkTokenEndpoint(value: unknown, field = 'tokenEndpoint'): URL {
  let url: URL;
  try {
    url = new URL(value instanceof URL ? value.href : String(value));
  } catch {
    throw new SignetConfigError(field, 'must be an absolute URL');
  }
  if (typeof value !== 'string' && !(value instanceof URL)) throw new SignetConfigError(field, 'must be a string or a URL');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SignetConfigError(field, 'must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw new SignetConfigError(field, 'must not contain user info');
  if (url.hash !== '') throw new SignetConfigError(field, 'must not contain a fragment (RFC 6749 §3.2)');
  return url;
}
