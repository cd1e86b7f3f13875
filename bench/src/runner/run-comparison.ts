import type { Comparison, ComparisonResult, PerMode } from './comparison.js';
import { measure } from './measure.js';
import { median, quantile } from './quantile.js';

/** Defaults for a run: how many rounds, and whether this is `--quick`. Odd, so each median is a measured value. */
export interface RoundPlan {
  readonly rounds: number;
  readonly quick: boolean;
}

export const NORMAL_PLAN: RoundPlan = { rounds: 31, quick: false };
export const QUICK_PLAN: RoundPlan = { rounds: 3, quick: true };

/**
 * Runs both sides of a comparison in alternating rounds, in this one process, so that whatever
 * the machine does meanwhile (another process, a frequency change, the heap growing) hits both
 * alike. The order flips every round (Signet first, then the baseline first), so neither side
 * always inherits the other's garbage. Warmup (JIT, connection pool) is not counted.
 */
export async function runComparison(comparison: Comparison, plan: RoundPlan): Promise<ComparisonResult> {
  const { signet, baseline, metric } = comparison;
  const pick = (counts: PerMode | undefined): number | undefined => (counts === undefined ? undefined : plan.quick ? counts.quick : counts.normal);
  const ops = pick(comparison.ops)!;
  const rounds = pick(comparison.rounds) ?? plan.rounds;
  const warmupOps = pick(comparison.warmupOps) ?? 2 * ops;
  await baseline.run(warmupOps);
  await signet.run(warmupOps);
  const signetCosts: number[] = [];
  const baselineCosts: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let s: number;
    let b: number;
    if (round % 2 === 0) {
      s = await measure(signet, ops, metric);
      b = await measure(baseline, ops, metric);
    } else {
      b = await measure(baseline, ops, metric);
      s = await measure(signet, ops, metric);
    }
    signetCosts.push(s);
    baselineCosts.push(b);
    ratios.push(s / b);
  }
  const signetMedian = median(signetCosts);
  const baselineMedian = median(baselineCosts);
  // The median of the paired per-round ratios, not the ratio of the two medians: each round
  // measures both sides back to back, so a machine that speeds up or slows down during the run
  // (other processes, frequency changes) cancels out of each round's ratio.
  const ratio = median(ratios);
  return {
    name: comparison.name,
    measured: comparison.measured,
    metric,
    unit: metric === 'cpu' ? 'µs CPU/op' : metric === 'bytes' ? 'bytes/op' : 'µs/op',
    signet: signet.label,
    baseline: baseline.label,
    signetMedian: round3(signetMedian),
    baselineMedian: round3(baselineMedian),
    ratio: round3(ratio),
    ratioP25: round3(quantile(ratios, 0.25)),
    ratioP75: round3(quantile(ratios, 0.75)),
    target: comparison.target,
    // Judged on the rounded ratio, the number a reader sees next to the target.
    ok: round3(ratio) <= comparison.target,
    source: comparison.source,
    rounds,
    opsPerRound: ops,
    quick: plan.quick,
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
