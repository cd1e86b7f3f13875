import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { apiKey, type Credential, createSendLoop } from '@signet/core';
import { CallerController } from '../src/caller-controller.js';

function dispatchController() {
  const aborted: (Error | undefined)[] = [];
  const controller = { abort: (reason: Error) => aborted.push(reason), pause() {}, resume() {}, paused: false, aborted: false, reason: null } as unknown as Dispatcher.DispatchController;
  return { controller, aborted };
}

describe('CallerController', () => {
  it('an abort reaches the dispatch in flight and the send loop (onAbort), once', () => {
    const caller = new CallerController();
    const inFlight = dispatchController();
    caller.inFlight = inFlight.controller;
    let heard = 0;
    let unsubscribedHeard = 0;
    caller.onAbort(() => heard++);
    caller.onAbort(() => unsubscribedHeard++)();
    const reason = new Error('caller gave up');
    caller.abort(reason);
    caller.abort(new Error('again'));
    expect([caller.aborted, caller.reason]).toEqual([true, reason]);
    expect(inFlight.aborted).toEqual([reason]);
    expect([heard, unsubscribedHeard]).toEqual([1, 0]);
  });

  it('makes its AbortSignal on first read, already aborted if the caller aborted before, and the same one after', () => {
    const early = new CallerController();
    const reason = new Error('before anyone asked');
    early.abort(reason);
    expect(early.signal.aborted).toBe(true);
    expect(early.signal.reason).toBe(reason);

    const late = new CallerController();
    const signal = late.signal;
    expect(signal.aborted).toBe(false);
    late.abort(reason);
    expect(signal.aborted).toBe(true);
    expect(late.signal).toBe(signal);
  });

  it('an abort while the credential signs: the signing ending later is ignored quietly (no unhandled rejection)', async () => {
    const caller = new CallerController();
    let finish!: () => void;
    const signing = new Promise<void>((resolve) => (finish = resolve));
    const slow: Credential = { ...apiKey({ key: 'k' }), authorize: async (request) => (await signing, request) };
    const loop = createSendLoop(slow, { origins: 'https://api.example.com' });
    const request = { method: 'GET', url: new URL('https://api.example.com/x'), headers: new Headers(), body: undefined };
    const sent = loop.send(request, async () => ({ status: 200, headers: new Headers(), raw: 200, discard: () => undefined }), { signal: caller });
    await Promise.resolve();
    caller.abort(new Error('caller gave up'));
    await expect(sent).rejects.toThrow('caller gave up');
    // The loop's race now unsubscribes from a controller whose listeners are gone: that must not
    // throw (it would be an unhandled rejection, which ends a Node process).
    finish();
    await signing;
    await new Promise((resolve) => setImmediate(resolve));
    // A listener added after the abort runs at once; its unsubscribe does nothing.
    let late = 0;
    caller.onAbort(() => late++)();
    expect(late).toBe(1);
  });

  it('abort() without a reason is an AbortError, as with AbortController, for the loop and the signal alike', () => {
    const caller = new CallerController();
    caller.abort();
    expect(caller.reason).toBeInstanceOf(DOMException);
    expect(caller.reason?.name).toBe('AbortError');
    expect(caller.signal.reason).toBe(caller.reason);
  });

  it('the loop hears the abort even when the dispatch in flight throws while aborting', () => {
    const caller = new CallerController();
    caller.inFlight = { abort: () => { throw new Error('socket already gone'); } } as unknown as Dispatcher.DispatchController;
    let heard = 0;
    caller.onAbort(() => heard++);
    expect(() => caller.abort(new Error('stop'))).toThrow('socket already gone');
    expect(heard).toBe(1);
  });
});
