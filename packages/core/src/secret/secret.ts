import { Redacted } from './redacted.js';

export { REDACTED } from './redacted.js';

// The value lives outside the object, so no property, private field or debugger view of a
// `Secret` can show it; only `reveal()` can.
const values = new WeakMap<Secret, string>();

/**
 * A string that does not leak. `String(secret)`, template literals, `JSON.stringify` and Node's
 * `util.inspect` (so `console.log`) all print `[redacted]`. Signet holds every key, password and
 * token in one of these; call `reveal()` only at the point of use.
 *
 * @example
 * ```ts
 * const key = secret(process.env.API_KEY!);
 * console.log({ key });     // { key: [redacted] }
 * key.reveal();             // the real value
 * ```
 */
export class Secret extends Redacted {
  constructor(value: string) {
    super();
    if (typeof value !== 'string') throw new TypeError('Secret: value must be a string');
    values.set(this, value);
    Object.freeze(this);
  }

  /** The secret value. Use it where it is needed and nowhere else. */
  reveal(): string {
    return values.get(this) as string;
  }

  get [Symbol.toStringTag](): string {
    return 'Secret';
  }
}

/** Wraps a string in a {@link Secret}. A `Secret` is returned as it is. */
export function secret(value: string | Secret): Secret {
  return value instanceof Secret ? value : new Secret(value);
}
