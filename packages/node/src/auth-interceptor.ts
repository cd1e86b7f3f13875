import { type Credential, createSendLoop, type SendLoopOptions } from '@signet/core';
import type { Dispatcher } from 'undici';
import { CallerController } from './caller-controller.js';
import { type DispatchMode, dispatchOnce } from './dispatch-once.js';
import { fromDispatchOptions } from './from-dispatch-options.js';
import { type HeldResponse, isWrapHandler } from './held-response.js';
import type { NodeBody } from './node-body.js';
import { rawListsBelow } from './raw-lists.js';

/** Options for {@link authInterceptor}: the send loop's options (`origins` is required), and the redirect mode. */
export interface AuthInterceptorOptions extends SendLoopOptions {
  /**
   * `'follow'` (default): Signet follows redirects under its origin policy, so the layers above
   * (undici's fetch, a redirect interceptor) never see a 3xx. `'manual'`: 3xx responses are
   * passed up as they are; whoever follows them dispatches each hop through this interceptor again,
   * as a new request. `'error'`: a redirect fails with `redirect_refused`.
   */
  redirect?: 'follow' | 'manual' | 'error';
}

/**
 * An undici interceptor that authorizes every request to the credential's origins. Compose it onto
 * any dispatcher, then use that dispatcher with `undici.request`, `undici.fetch`, or any undici API.
 * Signing happens before the request is dispatched (awaited when the credential has to wait, for a
 * token, a remote signer); the send loop makes at most one
 * re-send for auth and follows redirects itself (each hop is dispatched once through the next
 * dispatcher, with `maxRedirections: 0`), so header and query credentials never reach another
 * origin whatever else is composed around it. A client certificate in the composed Agent's
 * `connect` options is the Agent's, shown to every origin it reaches: use `mtls().dispatcher`,
 * which presents it only to its origins.
 *
 * @example
 * ```ts
 * import { Agent, request } from 'undici';
 * import { hmac } from '@signet/core/hmac';
 * import { authInterceptor } from '@signet/node';
 * const dispatcher = new Agent().compose(authInterceptor(hmac({ keyId, secret }), { origins: 'https://api.example.com' }));
 * const { statusCode, body } = await request('https://api.example.com/v1/orders', { dispatcher });
 * ```
 */
export function authInterceptor(credential: Credential, options: AuthInterceptorOptions): Dispatcher.DispatcherComposeInterceptor {
  const { redirect = 'follow', ...loopOptions } = options;
  if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') throw new TypeError("authInterceptor: redirect must be 'follow', 'manual' or 'error'");
  const loop = createSendLoop(credential, loopOptions);

  return (dispatch) => {
    const rawLists = rawListsBelow(dispatch);
    return function signetDispatch(opts, handler) {
      const caller = new CallerController();
      // The caller gets its controller at once, so it can abort while the request is being signed.
      handler.onRequestStart?.(caller, {});
      const fail = (error: unknown): void => {
        if (caller.forwarding === undefined) handler.onResponseError?.(caller, error as Error);
      };
      try {
        const { request, rest } = fromDispatchOptions(opts);
        // The caller's handler API goes on down: one in undici 7's WrapHandler is an old-API
        // handler, which the caller would have given this dispatcher without us, and which undici
        // 7's Agent speaks natively, skipping undici's adapter between the two APIs (6–10 % of a
        // bare interceptor's request CPU on loopback, docs/performance.md).
        const mode: DispatchMode = rawLists === 'exact' && isWrapHandler(handler) ? 'legacy' : rawLists;
        loop.send<NodeBody, HeldResponse>(request, (next) => dispatchOnce(dispatch, rest, next, caller, mode), { redirect, signal: caller }).then((held) => {
          try {
            held.forwardTo(handler, caller);
          } catch (error) {
            // The caller's handler threw: end the dispatch (its socket is not left open), as
            // undici does, instead of an unhandled rejection. A response that had already ended
            // has nothing left to abort: the handler hears of its own error, as from undici.
            held.controller.abort(error as Error);
            if (held.ended) reportTo(handler, caller, error as Error);
          }
        }, fail);
      } catch (error) {
        fail(error);
      }
      return true;
    };
  };
}

// A caller's error callback that throws in turn must not become an unhandled rejection.
function reportTo(handler: Dispatcher.DispatchHandler, caller: CallerController, error: Error): void {
  try {
    handler.onResponseError?.(caller, error);
  } catch {
    // Nothing is left to tell.
  }
}
