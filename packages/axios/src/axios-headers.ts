import axios, { type AxiosHeaders, type AxiosResponseHeaders, type RawAxiosResponseHeaders } from 'axios';

type HeaderBag = AxiosHeaders | AxiosResponseHeaders | RawAxiosResponseHeaders | Record<string, unknown> | undefined;

/**
 * axios's headers as a `Headers` (into `headers`, a new one by default), the shape the send loop
 * and schemes read. Values axios uses as
 * markers (`false`: "do not send this header", `null`, `undefined`) are not headers and are left
 * out; arrays become one header each (Set-Cookie on responses).
 */
export function toHeaders(bag: HeaderBag, headers: Headers = new Headers()): Headers {
  if (bag === undefined || bag === null) return headers;
  const plain = typeof (bag as AxiosHeaders).toJSON === 'function' ? (bag as AxiosHeaders).toJSON() : (bag as Record<string, unknown>);
  for (const name of Object.keys(plain)) {
    const value = plain[name];
    if (value === false || value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, String(item));
    else headers.set(name, String(value));
  }
  return headers;
}

/**
 * The signed `Headers` back as axios headers for the inner adapter, keeping the caller's `false`
 * markers (which tell axios's adapters not to add `User-Agent`, `Accept-Encoding` and the like)
 * for every header the request does not carry.
 */
export function toAxiosHeaders(signed: Headers, original: AxiosHeaders): AxiosHeaders {
  const result = new axios.AxiosHeaders();
  signed.forEach((value, name) => {
    result.set(name, value);
  });
  for (const name of Object.keys(original)) {
    if ((original as unknown as Record<string, unknown>)[name] === false && !signed.has(name)) result.set(name, false);
  }
  return result;
}
