import { withAuth } from '@signet/fetch';
import { Agent } from 'undici';
import { bytesBody, formBody, JSON_BODY, STRING_BODY, streamChunks } from '../support/bodies.js';
import { type AdapterDriver, type DriverRequest, parseJson } from './driver.js';

/** `withAuth(fetch, …)` over Node's global fetch. */
export const fetchDriver: AdapterDriver = {
  name: 'fetch',
  crossOriginAgent: 'kept',
  client(credential, options, { ca, transport }) {
    // Trust the throwaway certificate for this client only (the undici Agent is fetch's dispatcher),
    // or present the client certificate through the mTLS credential's own dispatcher.
    const dispatcher = transport?.dispatcher ?? new Agent({ connect: { ca } });
    const api = withAuth(fetch, credential, options);
    return async (request) => {
      const response = await api(request.url, { method: request.method, headers: headersFor(request), signal: request.signal, dispatcher, ...bodyFor(request) } as RequestInit);
      return { status: response.status, json: parseJson(await response.text()) };
    };
  },
};

function headersFor(request: DriverRequest): Record<string, string> {
  return { ...(request.body === 'json' ? { 'content-type': 'application/json' } : {}), ...request.headers };
}

function bodyFor({ body }: DriverRequest): RequestInit {
  switch (body) {
    case 'none':
      return {};
    case 'string':
      return { body: STRING_BODY };
    case 'bytes':
      return { body: bytesBody() };
    case 'json':
      return { body: JSON.stringify(JSON_BODY) };
    case 'form':
      return { body: formBody() };
    case 'stream': {
      const chunks = streamChunks();
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(next);
        },
      });
      return { body: stream, duplex: 'half' } as RequestInit;
    }
  }
}
