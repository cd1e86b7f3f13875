import type { Clock } from '../clock/clock.js';
import type { AuthContext } from '../credential/auth-context.js';
import type { SignetCrypto } from '../crypto/signet-crypto.js';
import type { SignetEvent } from '../events/signet-event.js';
import type { Cancellation } from './cancellation.js';

// The attempt's cancellation, under a symbol rather than a #private field, so that the getter
// also works through a Proxy or an object whose prototype is the context.
const CANCEL = Symbol('cancel');

// An own, enumerable accessor, so that a spread of the context (decorators pass it on that way)
// carries the signal. Shared by every context: defining it costs about 100 ns, where an object
// literal with a getter costs about 600 ns to build in V8.
const SIGNAL: PropertyDescriptor = {
  enumerable: true,
  get(this: { [CANCEL]?: Cancellation }): AbortSignal | undefined {
    return this[CANCEL]?.signal;
  },
};

/**
 * The {@link AuthContext} of one attempt: the loop's clock, crypto, nonce source and events, with
 * the attempt's number and its cancellation. `signal` is read lazily: a {@link Cancellation}
 * makes its `AbortSignal` only if a credential asks for one (creating one costs Node 20 about 3.5 µs).
 */
export class AttemptContext implements AuthContext {
  declare readonly signal: AbortSignal | undefined;
  readonly [CANCEL]: Cancellation | undefined;

  constructor(
    readonly clock: Clock,
    readonly crypto: SignetCrypto,
    readonly nonce: () => string,
    readonly emit: (event: SignetEvent) => void,
    readonly attempt: number,
    cancel: Cancellation | undefined,
  ) {
    this[CANCEL] = cancel;
    Object.defineProperty(this, 'signal', SIGNAL);
  }
}
