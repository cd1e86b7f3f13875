import type { OutgoingRequest, Transport, TransportResponse } from '@signet/core';

/** What the fake server received: a copy, taken at send time. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | 'stream' | undefined;
}

/** A scripted reply. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A transport that records each request and answers from a script, standing in for the network
 * in send-loop unit tests (adapters are tested against the real verifier server).
 */
export function fakeTransport(answer: (request: OutgoingRequest<unknown>, index: number) => Reply = () => ({ status: 200 })) {
  const received: Received[] = [];
  let discarded = 0;
  const transport: Transport<unknown, Reply & { index: number }> = async (request) => {
    const index = received.length;
    const body = request.body === undefined ? undefined : request.body instanceof Uint8Array ? request.body : 'stream';
    received.push({ method: request.method, url: request.url.href, headers: Object.fromEntries(request.headers), body });
    const reply = answer(request, index);
    const response: TransportResponse<Reply & { index: number }> = {
      status: reply.status,
      headers: new Headers(reply.headers),
      raw: { ...reply, index },
      discard: () => {
        discarded++;
      },
    };
    return response;
  };
  return {
    transport,
    received,
    get discarded() {
      return discarded;
    },
  };
}

/** A one-shot body, as an adapter would describe a stream. */
export function streamBody(bytes = new Uint8Array([1, 2, 3])) {
  let reads = 0;
  return {
    value: 'stream-handle',
    replayable: false,
    async read() {
      reads++;
      return { bytes, contentType: 'application/octet-stream' };
    },
    get reads() {
      return reads;
    },
  };
}

/** A request for the send loop. */
export function outgoing(url: string, init: { method?: string; headers?: Record<string, string>; body?: OutgoingRequest['body'] } = {}): OutgoingRequest<unknown> {
  return { method: init.method ?? 'GET', url: new URL(url), headers: new Headers(init.headers), body: init.body };
}
