import { Readable } from 'node:stream';
import { authInterceptor } from '@signet/node';
import { Agent, request as undiciRequest } from 'undici';
import { bytesBody, formBody, JSON_BODY, STRING_BODY, streamChunks } from '../support/bodies.js';
import { type AdapterDriver, type DriverRequest, parseJson } from './driver.js';

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
        headers: headersFor(call),
        signal: call.signal,
        body: bodyFor(call),
      });
      return { status: statusCode, json: parseJson(await body.text()) };
    };
  },
};

function headersFor(request: DriverRequest): Record<string, string> {
  const type = request.body === 'json' ? 'application/json' : request.body === 'form' ? 'application/x-www-form-urlencoded;charset=UTF-8' : undefined;
  return { ...(type ? { 'content-type': type } : {}), ...request.headers };
}

function bodyFor({ body }: DriverRequest): string | Uint8Array | Readable | undefined {
  switch (body) {
    case 'none':
      return undefined;
    case 'string':
      return STRING_BODY;
    case 'bytes':
      return bytesBody();
    case 'json':
      return JSON.stringify(JSON_BODY);
    case 'form':
      // undici.request takes no URLSearchParams: the same bytes fetch would send, with fetch's type.
      return formBody().toString();
    case 'stream':
      return Readable.from(streamChunks().map((chunk) => Buffer.from(chunk)));
  }
}
