import type { Readable } from 'node:stream';
import { authInterceptor } from '@signet/node';
import { Agent, request as undiciRequest } from 'undici';
import { bodyValue, formBody, headersWithType } from '../support/bodies.js';
import { type AdapterDriver, nodeStream, parseJson } from './driver.js';

const FORM_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/** `authInterceptor(…)` composed onto an undici Agent, used with `undici.request`. */
export const undiciDriver: AdapterDriver = {
  name: 'undici',
  crossOriginAgent: 'kept',
  client(credential, options, { ca, transport }) {
    const dispatcher = (transport?.dispatcher ?? new Agent({ connect: { ca } })).compose(authInterceptor(credential, options));
    return async (call) => {
      const { statusCode, body } = await undiciRequest(call.url, {
        dispatcher,
        method: call.method as 'GET',
        headers: headersWithType(call.body, call.headers, FORM_TYPE),
        signal: call.signal,
        // undici.request takes no URLSearchParams: the same bytes fetch would send, with fetch's type.
        body: bodyValue(call.body, nodeStream, { form: () => formBody().toString() }) as string | Uint8Array | Readable | undefined,
      });
      return { status: statusCode, json: parseJson(await body.text()) };
    };
  },
};
