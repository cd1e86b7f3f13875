import axios, { type InternalAxiosRequestConfig } from 'axios';
import { type OutgoingRequest, SigningHeaders } from '@signet/core';
import { ownsContentType, toOutgoingBody } from './axios-body.js';
import { toHeaders } from './axios-headers.js';

/**
 * Reads an axios config, as axios's adapter receives it (defaults merged, request transforms
 * applied, headers normalized), into the request the send loop signs: the URL as the adapter
 * would build it (baseURL, params and paramsSerializer applied), the method upper-case, the
 * headers axios would send, and the transformed body.
 */
export function toOutgoingRequest(config: InternalAxiosRequestConfig): OutgoingRequest {
  const url = fullUrl(config);
  const method = (config.method ?? 'get').toUpperCase();
  // The loop's own headers: schemes sign into them (SigningHeaders).
  const headers = toHeaders(config.headers, new SigningHeaders());
  // axios replaces the type of a form or a Blob with its own (the multipart boundary), so the
  // type the caller's defaults put there must not be signed or kept for the buffered bytes.
  if (ownsContentType(config.data)) headers.delete('content-type');
  return { method, url, headers, body: toOutgoingBody(config.data, { method, url, headers }) };
}

// axios's own getUri (buildFullPath, then buildURL with params and paramsSerializer), bound to
// empty defaults: the config already has the instance's defaults merged in, and merging them
// again (headers deep-copied) was the largest single cost per request.
const getUri = axios.Axios.prototype.getUri;
const NO_DEFAULTS = { defaults: {} };

function fullUrl(config: InternalAxiosRequestConfig): URL {
  const uri = getUri.call(NO_DEFAULTS, {
    url: config.url,
    baseURL: config.baseURL,
    params: config.params,
    paramsSerializer: config.paramsSerializer,
    allowAbsoluteUrls: config.allowAbsoluteUrls,
  });
  // A relative URL resolves against the page in browsers, as axios's adapters do there.
  const base = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(uri, base);
  } catch (cause) {
    throw axios.AxiosError.from(cause, axios.AxiosError.ERR_INVALID_URL, config);
  }
}
