import { type OutgoingRequest, SigningHeaders } from '@signet/core';
import { toOutgoingBody } from './fetch-body.js';

/** A fetch call, split into what the send loop needs and the options passed through to fetch. */
export interface TranslatedCall {
  readonly request: OutgoingRequest<BodyInit>;
  /** Every other RequestInit field (cache, credentials, keepalive, an undici `dispatcher`, …). */
  readonly passThrough: RequestInit;
  readonly redirect: RequestRedirect;
  readonly signal: AbortSignal | undefined;
}

// Fetch upper-cases only these methods (Fetch standard, "normalize a method").
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function isRequest(input: unknown): input is Request {
  // Duck-typed, so a Request from another realm or from the undici package is recognized too.
  return typeof input === 'object' && input !== null && !(input instanceof URL) && typeof (input as Request).url === 'string' && typeof (input as Request).method === 'string';
}

/** Reads fetch's two call forms (URL + init, or a Request) into one shape, as fetch itself would merge them. */
export function toOutgoingRequest(input: RequestInfo | URL, init: RequestInit = {}): TranslatedCall {
  const base = isRequest(input) ? input : undefined;
  const location = (globalThis as { location?: { href: string } }).location?.href;
  const url = new URL(base ? base.url : String(input), location);
  const rawMethod = init.method ?? base?.method ?? 'GET';
  const method = NORMALIZED.has(rawMethod.toUpperCase()) ? rawMethod.toUpperCase() : rawMethod;
  // The loop's own copy of the caller's headers: schemes sign into it (SigningHeaders), never into the caller's.
  const headers = new SigningHeaders(init.headers ?? base?.headers);
  const { method: _m, headers: _h, body: initBody, redirect, signal, ...rest } = init;
  const passThrough: RequestInit = base ? { ...initFromRequest(base), ...rest } : rest;
  const body = toOutgoingBody(initBody !== undefined ? initBody : base?.body, { method, url, headers });
  return { request: { method, url, headers, body }, passThrough, redirect: redirect ?? base?.redirect ?? 'follow', signal: signal ?? base?.signal ?? undefined };
}

// The fields of a Request that a new fetch call would otherwise lose.
function initFromRequest(request: Request): RequestInit {
  return {
    cache: request.cache,
    credentials: request.credentials,
    integrity: request.integrity,
    keepalive: request.keepalive,
    mode: request.mode === 'navigate' ? 'same-origin' : request.mode,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  };
}
