/** One failed test, as the runner prints it. */
export interface TestFailure {
  readonly file: string;
  readonly name: string;
  readonly error: string;
}

/** What one run of the bundle reports back to `runtimes/run.mjs`, as JSON. */
export interface RunReport {
  /** `navigator.userAgent` or the runtime's own version string, for the log. */
  readonly runtime: string;
  /** Which `#crypto` implementation the bundle's `platformCrypto` is: `node:crypto` (Buffer digests) or Web Crypto. */
  readonly crypto: 'node-crypto' | 'web-crypto';
  readonly passed: number;
  readonly failed: number;
  /** Tests run per suite file, so the runner can tell a file that registered nothing. */
  readonly files: Readonly<Record<string, number>>;
  readonly failures: readonly TestFailure[];
  readonly durationMs: number;
}
