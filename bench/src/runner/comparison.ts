/**
 * What a side's cost is measured in:
 * - `cpu`: this process's CPU time (user + system, `process.cpuUsage`) per operation. For work that
 *   waits on I/O (a request), CPU is what the client pays; wall time would mostly be the server's.
 * - `wall`: elapsed time (`process.hrtime.bigint`) per operation, for work that never waits.
 * - `bytes`: bytes allocated per operation (V8 heap plus array buffers, after a full GC before
 *   the batch; needs `node --expose-gc` and a young generation large enough that no GC runs
 *   during the batch, which `pnpm bench` sets).
 */
export type Metric = 'cpu' | 'wall' | 'bytes';

/** One side of a comparison: Signet, or what a user would write instead. */
export interface Side {
  /** What this side runs, as shown under the table: `withAuth(fetch, apiKey({ key }), { origins })`. */
  readonly label: string;
  /** Performs `ops` operations; all of them have finished when the promise settles. */
  run(ops: number): Promise<void>;
}

/** One row of `pnpm bench`: Signet against a baseline, doing the same work. */
export interface Comparison {
  /** The row's name; stable, because `--json` consumers key on it. */
  readonly name: string;
  /** The highest acceptable ratio Signet / baseline. */
  readonly target: number;
  /** Where the target comes from (`issue 6`), so a reader can check it. */
  readonly source: string;
  readonly metric: Metric;
  /** What one operation is, in words: `client CPU per request`. */
  readonly measured: string;
  readonly signet: Side;
  readonly baseline: Side;
  /** Operations per side per round. Quick mode only has to prove that the row still runs. */
  readonly ops: PerMode;
  /**
   * Rounds (default: the plan's, 31 normal and 3 quick). Noisy rows do better with many small
   * rounds than with a few big ones: each round's ratio then pairs measurements taken
   * milliseconds apart.
   */
  readonly rounds?: PerMode;
  /** Operations per side before measuring, for the JIT and connection pools (default: 2 rounds' worth). */
  readonly warmupOps?: PerMode;
}

/** A count for a normal run and for `--quick`. */
export interface PerMode {
  readonly normal: number;
  readonly quick: number;
}

/** The comparisons a group has opened, with whatever they share. */
export interface OpenGroup {
  readonly comparisons: readonly Comparison[];
  /** Releases what `open` started (a server process). Always called, also after a failure. */
  close(): Promise<void>;
}

/**
 * A file in `src/comparisons/`: one or more comparisons that share a fixture (a server, a key).
 * `open` starts the fixture and returns the comparisons bound to it.
 */
export interface ComparisonGroup {
  readonly name: string;
  open(): Promise<OpenGroup>;
}

/** A comparison's outcome: one `--json` line, one table row. Times in microseconds per operation. */
export interface ComparisonResult {
  readonly name: string;
  readonly measured: string;
  readonly metric: Metric;
  readonly unit: string;
  readonly signet: string;
  readonly baseline: string;
  readonly signetMedian: number;
  readonly baselineMedian: number;
  /**
   * Signet / baseline: the median of the per-round ratios (each round runs both sides back to
   * back), so it can differ a little from signetMedian / baselineMedian.
   */
  readonly ratio: number;
  /** Quartiles of the per-round ratios: how much the machine's noise moved the answer. */
  readonly ratioP25: number;
  readonly ratioP75: number;
  readonly target: number;
  /** ratio <= target. */
  readonly ok: boolean;
  readonly source: string;
  readonly rounds: number;
  readonly opsPerRound: number;
  readonly quick: boolean;
}
