import type { Metric, Side } from './comparison.js';

/**
 * Runs `ops` operations of `side` once and returns the cost of one, in microseconds: this
 * process's CPU time (user + system) for `cpu`, elapsed time for `wall`. Per-batch, never
 * per-operation: a clock read costs as much as the cheapest operations measured here.
 */
export async function measure(side: Side, ops: number, metric: Metric): Promise<number> {
  if (metric === 'cpu') {
    const start = process.cpuUsage();
    await side.run(ops);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / ops;
  }
  const start = process.hrtime.bigint();
  await side.run(ops);
  return Number(process.hrtime.bigint() - start) / 1000 / ops;
}

/**
 * Somewhere to put results so the optimizer cannot drop the work that made them: a value
 * written here escapes, so its allocation and computation must happen.
 */
export const blackhole: { value: unknown } = { value: undefined };
