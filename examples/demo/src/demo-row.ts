/** One request the demo sent, and what the verifier made of it. */
export interface DemoRow {
  readonly scheme: string;
  readonly adapter: string;
  /** What was sent, in words: `GET /orders`. */
  readonly request: string;
  readonly status: number;
  /** True when the verifier accepted the request. */
  readonly verified: boolean;
  /** The identity the verifier saw, or the reason it refused. */
  readonly saw: string;
  /** Whether this row is meant to be refused (a wrong key). */
  readonly expectRefused: boolean;
}
