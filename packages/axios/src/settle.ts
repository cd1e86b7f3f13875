import axios, { type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';

/**
 * Applies the caller's `validateStatus` to the final response exactly as axios's own `settle`
 * does (core/settle.js): a status of 0, no `validateStatus`, or one that accepts the status
 * resolves; anything else rejects with the same `AxiosError` (`ERR_BAD_REQUEST` for 4xx,
 * `ERR_BAD_RESPONSE` otherwise). The inner adapter ran with every status accepted, so that 401s
 * and redirects came back to the send loop as responses.
 */
export function settle<T extends AxiosResponse>(response: T, config: InternalAxiosRequestConfig): T {
  const { validateStatus } = config;
  if (!response.status || !validateStatus || validateStatus(response.status)) return response;
  throw new axios.AxiosError(
    `Request failed with status code ${response.status}`,
    response.status >= 400 && response.status < 500 ? axios.AxiosError.ERR_BAD_REQUEST : axios.AxiosError.ERR_BAD_RESPONSE,
    config,
    response.request,
    response,
  );
}
