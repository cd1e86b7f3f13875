import type { Dispatcher } from 'undici';
import type { RawList } from './held-response.js';

/**
 * The controller of a dispatch made with undici 7's old handler API (`onConnect`, `onHeaders`,
 * `onData`, …), which its Agent, Pool and Client speak natively. It behaves as undici's own
 * adapter between the two APIs (`UnwrapController`) does: `pause()` takes effect as the return
 * value of the next `onHeaders`/`onData` (how the old API pauses the parser), `resume()` calls
 * the parser's resume function, `abort()` calls the dispatch's abort function once.
 */
export class LegacyController implements Dispatcher.DispatchController {
  rawHeaders: RawList | null = null;
  rawTrailers: RawList | null = null;
  /** The parser's resume function, from `onHeaders`. */
  resumeParser: (() => void) | undefined;
  #paused = false;
  #aborted = false;
  #reason: Error | null = null;

  constructor(private readonly abortDispatch: (reason?: Error) => void) {}

  get aborted(): boolean {
    return this.#aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.#reason;
  }

  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.resumeParser?.();
  }
  abort(reason?: Error): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason ?? null;
    this.abortDispatch(reason);
  }
}
