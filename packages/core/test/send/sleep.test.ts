import { afterEach, describe, expect, test, vi } from 'vitest';
import { sleep } from '../../src/send/sleep.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the default sleep (fake timers: nothing waits for real)', () => {
  test('resolves after the delay, not before', async () => {
    vi.useFakeTimers();
    let done = false;
    const pending = sleep(1000, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
  });

  test('an abort rejects with the reason and clears the timer', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an already aborted signal rejects without starting a timer', async () => {
    vi.useFakeTimers();
    await expect(sleep(10, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
    expect(vi.getTimerCount()).toBe(0);
  });
});
