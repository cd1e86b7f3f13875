/** What every secret prints as, whichever way it is turned into text. */
export const REDACTED = '[redacted]';

/**
 * The base of every value that holds a secret ({@link Secret}, `WebhookSecret`): however it is
 * turned into text (`String()`, a template literal, `JSON.stringify`, Node's `util.inspect` and
 * so `console.log`), it prints `[redacted]`. Subclasses keep their value outside the object.
 */
export abstract class Redacted {
  /** @returns `[redacted]` */
  toString(): string {
    return REDACTED;
  }

  /** @returns `[redacted]`, so `JSON.stringify` never prints the value. */
  toJSON(): string {
    return REDACTED;
  }

  /** Node's `util.inspect` and `console.log` use this. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
}
