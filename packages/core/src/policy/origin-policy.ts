import { SignetConfigError } from '../errors/config-error.js';

/** Where a credential may go. */
export interface OriginPolicyOptions {
  /**
   * The origins this credential is for (`"https://api.example.com"`). Requests anywhere else are
   * sent without credentials. Required: binding a credential to its origins is what stops it
   * following an absolute URL or a redirect to someone else (the axios CVE-2025-27152 class).
   */
  origins: string | readonly string[];
  /**
   * Plain-http origins, outside loopback, that may receive credentials anyway. Named one by one,
   * so sending a password in clear text is always a decision someone wrote down.
   */
  allowInsecureOrigins?: readonly string[];
}

/** The origin policy, compiled once from its options. */
export interface OriginPolicy {
  /** True when `url`'s origin is one the credential is configured for. */
  allows(url: URL): boolean;
}

/** True for `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function parseOrigin(value: unknown, field: string): URL {
  if (typeof value !== 'string') throw new SignetConfigError(field, 'must be an origin string such as "https://api.example.com"');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not repeated: a malformed URL may still carry user:password@.
    throw new SignetConfigError(field, 'is not a URL; expected an origin such as "https://api.example.com"');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SignetConfigError(field, `must be an http or https origin, not ${url.protocol}`);
  if (url.username || url.password) throw new SignetConfigError(field, 'must not contain user info; give credentials to the credential, not the URL');
  if (url.pathname !== '/' || url.search || url.hash) throw new SignetConfigError(field, `must be an origin without path, query or fragment (got "${url.origin}${url.pathname}…")`);
  return url;
}

/** Compiles and validates origin options. Every mistake is a {@link SignetConfigError} naming the field. */
export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const list = typeof options.origins === 'string' ? [options.origins] : options.origins;
  const field = typeof options.origins === 'string' ? 'origins' : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new SignetConfigError('origins', 'is required: name the origins this credential may be sent to, e.g. "https://api.example.com"');
  }
  const insecureList = options.allowInsecureOrigins ?? [];
  if (!Array.isArray(insecureList)) throw new SignetConfigError('allowInsecureOrigins', 'must be an array of http origins');
  const insecure = new Set<string>();
  insecureList.forEach((value, i) => {
    const url = parseOrigin(value, `allowInsecureOrigins[${i}]`);
    if (url.protocol !== 'http:') throw new SignetConfigError(`allowInsecureOrigins[${i}]`, 'lists only plain-http origins; https needs no opt-in');
    insecure.add(url.origin);
  });

  const allowed = new Set<string>();
  list.forEach((value: unknown, i: number) => {
    const name = field ?? `origins[${i}]`;
    const url = parseOrigin(value, name);
    if (url.protocol === 'http:' && !isLoopback(url) && !insecure.has(url.origin)) {
      throw new SignetConfigError(name, `${url.origin} is plain http: credentials would travel in clear text. Use https, or list it in allowInsecureOrigins`);
    }
    allowed.add(url.origin);
  });

  // Plain http was refused above, so every allowed origin is safe to send credentials to.
  return { allows: (url) => allowed.has(url.origin) };
}
