import axios, { type AxiosAdapter, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { type OutgoingRequest, redactRequest, type SendLoop, SignetConfigError, SignetRequestError, type Transport } from '@signet/core';
import { toAxiosData } from './axios-body.js';
import { toAxiosHeaders, toHeaders } from './axios-headers.js';
import { cancelSignal } from './cancel-signal.js';
import { guardStream } from './guard-stream.js';
import { scrubAxiosError, scrubResponse } from './scrub-axios-error.js';
import { settle } from './settle.js';
import { toOutgoingRequest } from './to-outgoing-request.js';

/** What axios accepts as `config.adapter`. */
export type AdapterSetting = AxiosRequestConfig['adapter'];

const SIGNING = Symbol('@signet/axios signing adapter');

interface SigningAdapter extends AxiosAdapter {
  /** The caller's own adapter setting, which this adapter wraps. */
  readonly [SIGNING]: AdapterSetting;
}

/** The caller's adapter setting behind `setting`, whether or not Signet already wrapped it. */
export function unwrapAdapter(setting: AdapterSetting): AdapterSetting {
  return typeof setting === 'function' && SIGNING in setting ? (setting as SigningAdapter)[SIGNING] : setting;
}

/**
 * Resolves the adapter axios would use and refuses XMLHttpRequest: XHR follows redirects itself,
 * out of sight, so Signet could not keep credentials off another origin.
 */
export function resolveInnerAdapter(setting: AdapterSetting, config?: InternalAxiosRequestConfig): AxiosAdapter {
  const adapter = axios.getAdapter(setting ?? axios.defaults.adapter, config);
  if ((adapter as { adapterName?: string }).adapterName === 'xhr') {
    throw new SignetConfigError(
      'adapter',
      "@signet/axios cannot use axios's XHR adapter: XMLHttpRequest follows redirects without telling the page, so credentials could follow a request to another origin; use adapter: 'fetch' (or 'http' on Node)",
    );
  }
  return adapter;
}

/**
 * Wraps the caller's adapter setting in an adapter that runs every request through the send loop:
 * authorize → inner adapter (one request, no redirects, every status a response) → onResponse →
 * at most one re-send, with redirects followed by the loop under the origin policy. The caller
 * then sees the final response judged by their own `validateStatus`, and never the signed config
 * or the request object that carried the credential.
 */
export function signingAdapter(loop: SendLoop, setting: AdapterSetting): AxiosAdapter {
  const adapter = async function signetAdapter(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    const inner = resolveInnerAdapter(setting, config);
    const request = toOutgoingRequest(config);
    // axios's maxRedirects: 0 means "give me the 3xx"; any other count is the loop's maxRedirects.
    const redirect = config.maxRedirects === 0 ? 'manual' : 'follow';
    const origin = request.url.origin;
    let last: OutgoingRequest = request;
    let leftOrigin = false;

    const transport: Transport<unknown, AxiosResponse> = async (outgoing) => {
      last = outgoing;
      const response = await inner({
        ...config,
        // The URL as signed: absolute, params already in it.
        url: outgoing.url.href,
        baseURL: undefined,
        params: undefined,
        allowAbsoluteUrls: true,
        method: outgoing.method.toLowerCase(),
        headers: toAxiosHeaders(outgoing.headers, config.headers),
        data: toAxiosData(outgoing.body, config.data),
        // Signet follows redirects itself (http: maxRedirects 0; fetch: redirect 'manual'), and
        // needs 401s and 3xx back as responses.
        maxRedirects: 0,
        beforeRedirect: undefined,
        fetchOptions: { ...config.fetchOptions, redirect: 'manual' },
        validateStatus: null,
        // axios's own Basic auth option is the caller's credential too: never to another origin,
        // and never again once the chain has left this one (a chain that comes back could aim
        // it at any URL here, the same rule the send loop applies to the credential).
        auth: (leftOrigin ||= outgoing.url.origin !== origin) ? undefined : config.auth,
      } as InternalAxiosRequestConfig);
      if (response.status === 0 && redirect === 'follow') {
        // A browser's fetch answers redirect: 'manual' with an opaque redirect: status 0, no Location.
        throw new SignetRequestError(
          'redirect_not_followable',
          "the server redirected, but this runtime hides redirect targets, so Signet cannot apply its origin policy; avoid the redirect or pass maxRedirects: 0",
          redactRequest(outgoing),
        );
      }
      return { status: response.status, headers: toHeaders(response.headers), raw: response, discard: () => release(response.data) };
    };

    const cancel = cancelSignal(config);
    try {
      const response = await loop.send(request, transport, { redirect, signal: cancel.signal });
      const final = last;
      if (config.responseType === 'stream') guardStream(response.data, config, () => redactRequest(final));
      return settle(scrubResponse(response, config, () => redactRequest(final)), config);
    } catch (error) {
      throw scrubAxiosError(error, config, redactRequest(last));
    } finally {
      cancel.release();
    }
  };
  return Object.assign(adapter, { [SIGNING]: setting }) as SigningAdapter;
}

// Frees a response body the caller will never see (a 401 before a re-send, a redirect).
function release(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  if (typeof (data as { destroy?: unknown }).destroy === 'function') (data as { destroy(): void }).destroy();
  else if (typeof ReadableStream !== 'undefined' && data instanceof ReadableStream) data.cancel().catch(() => undefined);
}

