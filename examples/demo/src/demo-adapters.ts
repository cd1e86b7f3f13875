import type { Agent as HttpsAgent } from 'node:https';
import { attachAuth } from '@signet/axios';
import type { Credential, SendLoopOptions } from '@signet/core';
import { withAuth } from '@signet/fetch';
import { authInterceptor, authorizeRequests } from '@signet/node';
import type { VerifierResponseBody } from '@signet/verifier';
import axios from 'axios';
import { Agent, type Dispatcher, request as undiciRequest } from 'undici';

/** One request as the demo sends it. */
export interface DemoCall {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string | undefined;
}

/** What came back: the status and the verifier's JSON report. */
export interface DemoReply {
  readonly status: number;
  readonly report: VerifierResponseBody;
}

/** The connection-level part of a credential (mTLS): how each client presents the certificate. */
export interface DemoTransport {
  readonly dispatcher: Dispatcher;
  readonly httpsAgent: HttpsAgent;
}

/** An adapter as a user would set it up, reduced to "send this and read the JSON". */
export interface DemoAdapter {
  readonly name: string;
  client(credential: Credential, options: SendLoopOptions, transport?: DemoTransport): (url: string, call: DemoCall) => Promise<DemoReply>;
}

const fetchAdapter: DemoAdapter = {
  name: 'fetch',
  client(credential, options, transport) {
    const api = withAuth(fetch, credential, options);
    return async (url, call) => {
      // Node's fetch takes an undici dispatcher (the client certificate) as an extra init field.
      const response = await api(url, { ...call, ...(transport ? { dispatcher: transport.dispatcher } : {}) } as RequestInit);
      return { status: response.status, report: (await response.json()) as VerifierResponseBody };
    };
  },
};

const axiosAdapter: DemoAdapter = {
  name: 'axios',
  client(credential, options, transport) {
    const api = attachAuth(axios.create({ validateStatus: () => true, ...(transport ? { httpsAgent: transport.httpsAgent } : {}) }), credential, options);
    return async (url, call) => {
      const response = await api.request<VerifierResponseBody>({ url, method: call.method, headers: call.headers, data: call.body });
      return { status: response.status, report: response.data };
    };
  },
};

const nodeHttpAdapter: DemoAdapter = {
  name: 'node:http',
  client(credential, options, transport) {
    const request = authorizeRequests(credential, options);
    return async (url, call) => {
      const response = await request(url, { ...call, ...(transport ? { agent: transport.httpsAgent } : {}) });
      let text = '';
      for await (const chunk of response) text += String(chunk);
      return { status: response.statusCode ?? 0, report: JSON.parse(text) as VerifierResponseBody };
    };
  },
};

const undiciAdapter: DemoAdapter = {
  name: 'undici',
  client(credential, options, transport) {
    const dispatcher = (transport?.dispatcher ?? new Agent()).compose(authInterceptor(credential, options));
    return async (url, call) => {
      const { statusCode, body } = await undiciRequest(url, { dispatcher, method: call.method as 'GET', headers: call.headers, body: call.body });
      return { status: statusCode, report: (await body.json()) as VerifierResponseBody };
    };
  },
};

/** Every adapter, in the order the demo shows them. */
export const demoAdapters: readonly DemoAdapter[] = [fetchAdapter, axiosAdapter, nodeHttpAdapter, undiciAdapter];
