import { REDACTED } from './secret.js';

/**
 * What an error or event may show of a request: method, URL with every query value redacted,
 * and headers with every value redacted except a short allow-list of harmless ones.
 * An allow-list (as in Azure's log sanitizer) fails closed: a header we do not know is hidden.
 */
export interface RedactedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

// Headers that never carry credentials and help in debugging. Everything else is redacted.
const SAFE_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'host',
  'if-match',
  'if-none-match',
  'retry-after',
  'user-agent',
  'www-authenticate',
]);

/** The URL with its credentials, every query value and the fragment replaced by `[redacted]`. */
export function redactUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return REDACTED;
  }
  // Rebuilt from origin and path, so `user:password@` and the fragment are dropped too.
  const query = [...parsed.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=${REDACTED}`);
  return parsed.origin + parsed.pathname + (query.length > 0 ? `?${query.join('&')}` : '');
}

/** A redacted view of a request, safe to put in an error or a log line. */
export function redactRequest(request: { method: string; url: URL | string; headers: Headers }): RedactedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = SAFE_HEADERS.has(name) ? value : REDACTED;
  });
  return Object.freeze({ method: request.method, url: redactUrl(request.url), headers: Object.freeze(headers) });
}
