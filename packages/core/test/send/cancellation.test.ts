import { describe, expect, it } from 'vitest';
import { apiKey, type AuthContext, type Cancellation, cancellationOf, createSendLoop, type Credential, type OutgoingRequest } from '@signet/core';
import { raceCancellation } from '../../src/send/cancellation.js';

const ORIGIN = 'https://api.example.com';
const get = (): OutgoingRequest => ({ method: 'GET', url: new URL(`${ORIGIN}/x`), headers: new Headers(), body: undefined });

/** A Cancellation with no AbortSignal until one is asked for, counting how often it is. */
function lazyCancellation() {
  let controller: AbortController | undefined;
  let listeners: (() => void)[] = [];
  const state = { aborted: false, reason: undefined as unknown, signalsMade: 0 };
  const cancel: Cancellation = {
    get aborted() {
      return state.aborted;
    },
    get reason() {
      return state.reason;
    },
    onAbort(listener) {
      listeners.push(listener);
      return () => (listeners = listeners.filter((l) => l !== listener));
    },
    get signal() {
      if (controller === undefined) {
        state.signalsMade++;
        controller = new AbortController();
        if (state.aborted) controller.abort(state.reason);
      }
      return controller.signal;
    },
  };
  const abort = (reason: unknown) => {
    state.aborted = true;
    state.reason = reason;
    controller?.abort(reason);
    for (const listener of listeners) listener();
  };
  return { cancel, abort, state, listenerCount: () => listeners.length };
}

describe('cancellationOf(signal)', () => {
  it('follows the signal: aborted, reason, onAbort once, and unsubscribing', () => {
    const controller = new AbortController();
    const cancel = cancellationOf(controller.signal);
    let calls = 0;
    let removedCalls = 0;
    cancel.onAbort(() => calls++);
    cancel.onAbort(() => removedCalls++)();
    expect(cancel.aborted).toBe(false);
    expect(cancel.signal).toBe(controller.signal);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(cancel.aborted).toBe(true);
    expect(cancel.reason).toBe(reason);
    expect([calls, removedCalls]).toEqual([1, 0]);
  });
});

describe('raceCancellation()', () => {
  it('rejects with the reason the moment the cancellation fires, and unsubscribes when the work settles first', async () => {
    const { cancel, abort, listenerCount } = lazyCancellation();
    await expect(raceCancellation(Promise.resolve(7), cancel)).resolves.toBe(7);
    expect(listenerCount()).toBe(0);
    const never = new Promise<number>(() => undefined);
    const raced = raceCancellation(never, cancel);
    abort(new Error('gone'));
    await expect(raced).rejects.toThrow('gone');
    // Already cancelled: rejected without waiting, and the abandoned work's failure is handled.
    await expect(raceCancellation(Promise.reject(new Error('late')), cancel)).rejects.toThrow('gone');
  });
});

describe('the send loop with a Cancellation', () => {
  it('makes no AbortSignal for a credential that never reads context.signal, and the transport gets none', async () => {
    const { cancel, state } = lazyCancellation();
    let transportSignal: AbortSignal | undefined = new AbortController().signal;
    const loop = createSendLoop(apiKey({ key: 'k' }), { origins: ORIGIN });
    const status = await loop.send(get(), async (_request, signal) => {
      transportSignal = signal;
      return { status: 200, headers: new Headers(), raw: 200, discard: () => undefined };
    }, { signal: cancel });
    expect(status).toBe(200);
    expect(transportSignal).toBeUndefined();
    expect(state.signalsMade).toBe(0);
  });

  it('gives a credential that reads context.signal a real AbortSignal that aborts with the caller, and stops the request at once', async () => {
    const { cancel, abort, state } = lazyCancellation();
    let seen: AbortSignal | undefined;
    let started!: () => void;
    const signing = new Promise<void>((resolve) => (started = resolve));
    const slow: Credential = {
      ...apiKey({ key: 'k' }),
      authorize: (request, context: AuthContext) => {
        // Through a spread, as decorators pass the context on (dpop does): the signal comes along.
        seen = { ...context }.signal;
        expect(context.signal).toBe(seen);
        started();
        return new Promise(() => undefined);
      },
    };
    let sent = 0;
    const loop = createSendLoop(slow, { origins: ORIGIN });
    const pending = loop.send(get(), async () => (sent++, { status: 200, headers: new Headers(), raw: 200, discard: () => undefined }), { signal: cancel });
    await signing;
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(seen?.aborted).toBe(false);
    abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    expect(seen?.aborted).toBe(true);
    expect(state.signalsMade).toBe(1);
    expect(sent).toBe(0);
  });

  it('the attempt context reads its signal through a Proxy or a derived object too', async () => {
    const { cancel } = lazyCancellation();
    const seen: (AbortSignal | undefined)[] = [];
    const peeking: Credential = {
      ...apiKey({ key: 'k' }),
      authorize: async (request, context: AuthContext) => {
        seen.push(new Proxy(context, {}).signal, (Object.create(context) as AuthContext).signal, context.signal);
        return request;
      },
    };
    await createSendLoop(peeking, { origins: ORIGIN }).send(get(), async () => ({ status: 200, headers: new Headers(), raw: 200, discard: () => undefined }), { signal: cancel });
    expect(seen[0]).toBeInstanceOf(AbortSignal);
    expect(seen).toEqual([seen[2], seen[2], seen[2]]);
  });

  it('signal: null (plain JavaScript, as RequestInit allows) means no signal', async () => {
    const loop = createSendLoop(apiKey({ key: 'k' }), { origins: ORIGIN });
    const status = await loop.send(get(), async () => ({ status: 200, headers: new Headers(), raw: 200, discard: () => undefined }), { signal: null as unknown as undefined });
    expect(status).toBe(200);
  });
});
