import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
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
});
