import { withAuth } from '@signet/fetch';
import { Agent } from 'undici';
import { bodyValue, headersWithType, streamChunks } from '../support/bodies.js';
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
      const response = await api(request.url, { method: request.method, headers: headersWithType(request.body, request.headers), signal: request.signal, dispatcher, ...bodyFor(request) } as RequestInit);
      return { status: response.status, json: parseJson(await response.text()) };
    };
  },
};

function bodyFor({ body }: DriverRequest): RequestInit {
  // A stream body needs duplex: 'half' (Fetch standard, "extract a body").
  return { body: bodyValue(body, webStream) as BodyInit | undefined, ...(body === 'stream' ? { duplex: 'half' } : {}) } as RequestInit;
}

function webStream(): ReadableStream<Uint8Array> {
  const chunks = streamChunks();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}
