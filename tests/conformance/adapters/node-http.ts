import { Agent as HttpsAgent } from 'node:https';
import { authorizeRequests, type NodeRequestInit } from '@signet/node';
import { bodyValue, headersWithType } from '../support/bodies.js';
import { type AdapterDriver, nodeStream, parseJson } from './driver.js';

/** `authorizeRequests(…)` over `node:http` / `node:https`. */
export const nodeHttpDriver: AdapterDriver = {
  name: 'node:http',
  crossOriginAgent: 'default',
  client(credential, options, { ca, transport }) {
    const request = authorizeRequests(credential, options);
    const agent = transport?.httpsAgent ?? new HttpsAgent({ ca });
    return async (call) => {
      const https = call.url.startsWith('https:');
      const res = await request(call.url, { method: call.method, headers: headersWithType(call.body, call.headers), signal: call.signal, body: bodyValue(call.body, nodeStream) as NodeRequestInit['body'], ...(https ? { agent } : {}) });
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      return { status: res.statusCode ?? 0, json: parseJson(Buffer.concat(chunks).toString('utf8')) };
    };
  },
};
