import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import { authorizeRequests, type NodeRequestInit } from '@signet/node';
import { bytesBody, formBody, JSON_BODY, STRING_BODY, streamChunks } from '../support/bodies.js';
import { type AdapterDriver, type DriverRequest, parseJson } from './driver.js';

/** `authorizeRequests(…)` over `node:http` / `node:https`. */
export const nodeHttpDriver: AdapterDriver = {
  name: 'node:http',
  crossOriginAgent: 'default',
  client(credential, options, { ca, transport }) {
    const request = authorizeRequests(credential, options);
    const agent = transport?.httpsAgent ?? new HttpsAgent({ ca });
    return async (call) => {
      const https = call.url.startsWith('https:');
      const res = await request(call.url, { method: call.method, headers: headersFor(call), signal: call.signal, body: bodyFor(call), ...(https ? { agent } : {}) });
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      return { status: res.statusCode ?? 0, json: parseJson(Buffer.concat(chunks).toString('utf8')) };
    };
  },
};

function headersFor(request: DriverRequest): Record<string, string> {
  return { ...(request.body === 'json' ? { 'content-type': 'application/json' } : {}), ...request.headers };
}

function bodyFor({ body }: DriverRequest): NodeRequestInit['body'] {
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
      return formBody();
    case 'stream':
      return Readable.from(streamChunks().map((chunk) => Buffer.from(chunk)));
  }
}
