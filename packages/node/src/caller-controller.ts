import type { Dispatcher } from 'undici';

/**
 * The one controller the caller's handler sees for a request that the send loop may dispatch
 * several times (an auth re-send, redirect hops). `abort` reaches whichever dispatch is in flight
 * (and the loop, through `signal`); `pause`/`resume` reach the dispatch whose response the caller
 * is reading.
 */
export class CallerController implements Dispatcher.DispatchController {
  /** The dispatch in flight, set by each one as it starts. */
  inFlight: Dispatcher.DispatchController | undefined;
  /** The dispatch whose response is forwarded to the caller, once there is one. */
  forwarding: Dispatcher.DispatchController | undefined;
  readonly #abort = new AbortController();
  #paused = false;

  /** Aborted when the caller aborts: the send loop stops before its next step. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }
  get aborted(): boolean {
    return this.#abort.signal.aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.aborted ? (this.#abort.signal.reason as Error) : null;
  }
  get rawHeaders(): Dispatcher.DispatchController['rawHeaders'] {
    return this.forwarding?.rawHeaders;
  }
  get rawTrailers(): Dispatcher.DispatchController['rawTrailers'] {
    return this.forwarding?.rawTrailers;
  }

  abort(reason: Error): void {
    if (this.aborted) return;
    this.#abort.abort(reason);
    this.inFlight?.abort(reason);
  }
  pause(): void {
    this.#paused = true;
    this.forwarding?.pause();
  }
  resume(): void {
    this.#paused = false;
    this.forwarding?.resume();
  }
}
