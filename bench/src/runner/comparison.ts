/**
 * What a side's cost is measured in:
 * - `cpu`: this process's CPU time (user + system, `process.cpuUsage`) per operation. For work that
 *   waits on I/O (a request), CPU is what the client pays; wall time would mostly be the server's.
 * - `wall`: elapsed time (`process.hrtime.bigint`) per operation, for work that never waits.
 * - `bytes`: bytes allocated per operation (V8 heap plus array buffers, after a full GC before
 *   the batch; needs `node --expose-gc` and a young generation large enough that no GC runs
 *   during the batch, which `pnpm bench` sets).
 * - `reported`: the side measures itself and `run` resolves to the value (token calls in a
 *   burst, a latency percentile, a gzip size), in the comparison's `unit`.
 */
export type Metric = 'cpu' | 'wall' | 'bytes' | 'reported';

/** One side of a comparison: Signet, or what a user would write instead. */
export interface Side {
  /** What this side runs, as shown under the table: `withAuth(fetch, apiKey({ key }), { origins })`. */
  readonly label: string;
  /**
   * Performs `ops` operations; all of them have finished when the promise settles. With the
   * `reported` metric it resolves to the measured value instead of being timed.
   */
  run(ops: number): Promise<void | number>;
  /**
   * Untimed set-up before each batch of `ops` (and before the warmup): what the operations need
   * but the row does not measure. The signing rows build a fresh request per operation here, with
   * headers the send loop owns, as an adapter hands them over: their copy is the adapter's cost.
   */
  prepare?(ops: number): void;
}

/**
 * How a row is judged:
 * - `ratio` (default): Signet / baseline against `target`, a highest acceptable ratio;
 * - `absolute`: Signet's own median (`value`, in `unit`) against `target` in that unit
 *   (`≤ 2 µs per authorize`, `1 token call per burst`). A baseline, when given, is measured too
 *   and its ratio reported beside the value, for context; it does not decide `ok`.
 */
export type RowKind = 'ratio' | 'absolute';

/** One row of `pnpm bench`: Signet against a baseline, doing the same work. */
export interface Comparison {
  /** The row's name; stable, because `--json` consumers key on it. */
  readonly name: string;
  /** `ratio` (default) or `absolute`; see {@link RowKind}. */
  readonly kind?: RowKind;
  /**
   * The highest acceptable ratio Signet / baseline (`ratio` rows), or the highest acceptable
   * value in `unit` (`absolute` rows). `null` on an absolute row: reported, no target (always ok).
   */
  readonly target: number | null;
  /** Judge an absolute row on its worst round instead of its median (counts that must hold every time). */
  readonly judge?: 'median' | 'max';
  /** The unit of a `reported` metric (`token calls`, `ms`, `bytes gzip`). */
  readonly unit?: string;
  /** The report section the row belongs to (default: its group's name). */
  readonly section?: string;
  /** Where the target comes from (`issue 6`), so a reader can check it. */
  readonly source: string;
  readonly metric: Metric;
  /** What one operation is, in words: `client CPU per request`. */
  readonly measured: string;
  readonly signet: Side;
  /** What Signet is compared with; required on `ratio` rows, optional on `absolute` ones. */
  readonly baseline?: Side;
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

/**
 * A comparison's outcome: one `--json` line, one table row. Times in microseconds per operation.
 *
 * The `--json` contract (`name`, `ratio`, `target`, `ok`) holds for both kinds: on a `ratio` row,
 * `ok` is `ratio <= target`; on an `absolute` row, `value` is Signet's measured median (or worst
 * round, `judge: 'max'`) in `unit`, `target` is in that unit, `ok` is `value <= target`, and
 * `ratio` is Signet / baseline when the row has a baseline, otherwise `null`. Consumers should
 * read `ok` rather than recompute it.
 */
export interface ComparisonResult {
  readonly name: string;
  readonly kind: RowKind;
  /** The report section (docs/performance.md) the row belongs to. */
  readonly section: string;
  readonly measured: string;
  readonly metric: Metric;
  readonly unit: string;
  readonly signet: string;
  readonly baseline: string | null;
  readonly signetMedian: number;
  readonly baselineMedian: number | null;
  /** Quartiles of Signet's own per-round values (what an absolute row is judged on, and its spread). */
  readonly signetP25: number;
  readonly signetP75: number;
  /** Absolute rows: the value judged against `target` (median, or worst round with `judge: 'max'`); ratio rows: null. */
  readonly value: number | null;
  /** How `value` was taken from the rounds. */
  readonly judge: 'median' | 'max';
  /**
   * Signet / baseline: the median of the per-round ratios (each round runs both sides back to
   * back), so it can differ a little from signetMedian / baselineMedian. Null on an absolute row
   * without a baseline.
   */
  readonly ratio: number | null;
  /** Quartiles of the per-round ratios: how much the machine's noise moved the answer. */
  readonly ratioP25: number | null;
  readonly ratioP75: number | null;
  readonly target: number | null;
  /** ratio <= target (ratio rows); value <= target (absolute rows; true when target is null). */
  readonly ok: boolean;
  readonly source: string;
  readonly rounds: number;
  readonly opsPerRound: number;
  readonly quick: boolean;
}
