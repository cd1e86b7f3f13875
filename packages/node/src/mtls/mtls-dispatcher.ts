import { Agent, Dispatcher } from 'undici';

/**
 * An undici dispatcher that always hands requests to the current `Agent`. After a certificate
 * rotation it starts a fresh `Agent` (new sockets, an empty TLS session cache, so no resumed
 * session carries the old identity) and closes the old one gracefully: requests already on it
 * finish, then its pooled connections end.
 */
export class MtlsDispatcher extends Dispatcher {
  #agent: Agent;
  readonly #build: () => Agent;

  constructor(build: () => Agent) {
    super();
    this.#build = build;
    this.#agent = build();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.#agent.dispatch(options, handler);
  }

  /** Moves new requests to a fresh agent and lets the old one drain. */
  rotate(): void {
    const old = this.#agent;
    this.#agent = this.#build();
    old.close().catch(() => undefined);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = this.#agent.close();
    if (callback === undefined) return closing;
    closing.then(callback, callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const error = typeof first === 'function' ? null : (first ?? null);
    const callback = typeof first === 'function' ? first : second;
    const destroying = this.#agent.destroy(error);
    if (callback === undefined) return destroying;
    destroying.then(callback, callback);
  }
}
