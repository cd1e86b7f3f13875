import type { OutgoingRequest, Transport } from '@signet/core';

/** What the fake resource answers one request with. */
export interface ResourceReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

/** A request as the fake resource saw it. */
export interface Sent {
  readonly authorization: string | null;
}

/**
 * A resource server as a send-loop transport: answers each request with what `answer` decides
 * (awaited, so a test can hold one back), recording the Authorization it saw and counting the
 * responses the loop released. No vitest or Node import: the portable runtimes suite
 * (runtimes/suites/token-refresher.test.ts) uses it too.
 */
export function fakeResource(answer: (authorization: string | null, index: number) => ResourceReply | Promise<ResourceReply>) {
  const sent: Sent[] = [];
  const released = { count: 0 };
  const transport: Transport<unknown, number> = async (request: OutgoingRequest) => {
    const authorization = request.headers.get('authorization');
    const index = sent.push({ authorization }) - 1;
    const reply = await answer(authorization, index);
    return { status: reply.status, headers: new Headers(reply.headers), raw: reply.status, discard: () => void released.count++ };
  };
  return { sent, transport, released };
}
