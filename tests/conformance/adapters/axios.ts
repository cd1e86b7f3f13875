import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import axios from 'axios';
import { attachAuth } from '@signet/axios';
import { bytesBody, formBody, JSON_BODY, STRING_BODY, streamChunks } from '../support/bodies.js';
import { type AdapterDriver, type DriverRequest } from './driver.js';

/** `attachAuth(axios.create(…), …)` over axios's Node http adapter. */
export const axiosDriver: AdapterDriver = {
  name: 'axios',
  crossOriginAgent: 'kept',
  client(credential, options, { ca, transport }) {
    const api = attachAuth(
      // Every status resolves, as with fetch; maxRedirects 0 is what Signet asks of axios anyway.
      axios.create({ adapter: 'http', httpsAgent: transport?.httpsAgent ?? new HttpsAgent({ ca }), validateStatus: () => true, responseType: 'text', transitional: { silentJSONParsing: false } }),
      credential,
      options,
    );
    return async (request) => {
      const response = await api.request<string>({ method: request.method, url: request.url, headers: { ...request.headers }, signal: request.signal, data: dataFor(request) });
      return { status: response.status, json: typeof response.data === 'string' && response.data.length > 0 ? JSON.parse(response.data) : null };
    };
  },
};

function dataFor({ body }: DriverRequest): unknown {
  switch (body) {
    case 'none':
      return undefined;
    case 'string':
      return STRING_BODY;
    case 'bytes':
      return bytesBody();
    case 'json':
      // axios serializes an object itself, as its users pass it.
      return JSON_BODY;
    case 'form':
      return formBody();
    case 'stream':
      return Readable.from(streamChunks().map((chunk) => Buffer.from(chunk)));
  }
}
