import type { Metric, Side } from './comparison.js';

/**
 * Runs `ops` operations of `side` once and returns the cost of one, in microseconds: this
 * process's CPU time (user + system) for `cpu`, elapsed time for `wall`; bytes for `bytes`; for
 * `reported`, whatever the side measured itself and returned. Per-batch, never
 * per-operation: a clock read costs as much as the cheapest operations measured here.
 */
export async function measure(side: Side, ops: number, metric: Metric): Promise<number> {
  side.prepare?.(ops);
  if (metric === 'bytes') return measureBytes(side, ops);
  if (metric === 'reported') {
    const value = await side.run(ops);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`bench: ${side.label} measures itself (metric reported) but returned ${String(value)}`);
    return value;
  }
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

/** Bytes allocated per operation: heap and array-buffer growth over a batch, after a full GC. */
async function measureBytes(side: Side, ops: number): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('bench: the bytes metric needs node --expose-gc (pnpm bench passes it)');
  gc();
  const before = process.memoryUsage();
  await side.run(ops);
  const after = process.memoryUsage();
  const grown = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  // A collection during the batch would hide what it freed: refuse the number rather than report it.
  if (after.heapUsed < before.heapUsed) throw new Error('bench: a garbage collection ran during a bytes batch; lower its ops');
  return grown / ops;
}
