import { Agent as HttpsAgent } from 'node:https';
import axios from 'axios';
import { attachAuth } from '@signet/axios';
import { bodyValue, JSON_BODY } from '../support/bodies.js';
import { type AdapterDriver, nodeStream } from './driver.js';

// axios serializes an object itself (and sets its JSON type), as its users pass it.
const AS_AXIOS_USERS_PASS = { json: () => JSON_BODY };

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
      const response = await api.request<string>({ method: request.method, url: request.url, headers: { ...request.headers }, signal: request.signal, data: bodyValue(request.body, nodeStream, AS_AXIOS_USERS_PASS) });
      return { status: response.status, json: typeof response.data === 'string' && response.data.length > 0 ? JSON.parse(response.data) : null };
    };
  },
};
