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
export async function runComparison(comparison: Comparison, plan: RoundPlan, group: string): Promise<ComparisonResult> {
  const { signet, baseline, metric } = comparison;
  const kind = comparison.kind ?? 'ratio';
  if (kind === 'ratio' && (baseline === undefined || comparison.target === null)) {
    throw new Error(`bench: ${comparison.name} is a ratio row, so it needs a baseline and a target`);
  }
  const pick = (counts: PerMode | undefined): number | undefined => (counts === undefined ? undefined : plan.quick ? counts.quick : counts.normal);
  const ops = pick(comparison.ops)!;
  const rounds = pick(comparison.rounds) ?? plan.rounds;
  const warmupOps = pick(comparison.warmupOps) ?? 2 * ops;
  if (warmupOps > 0) {
    baseline?.prepare?.(warmupOps);
    await baseline?.run(warmupOps);
    signet.prepare?.(warmupOps);
    await signet.run(warmupOps);
  }
  const signetCosts: number[] = [];
  const baselineCosts: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let s: number;
    let b: number | undefined;
    if (round % 2 === 0) {
      s = await measure(signet, ops, metric);
      b = baseline && (await measure(baseline, ops, metric));
    } else {
      b = baseline && (await measure(baseline, ops, metric));
      s = await measure(signet, ops, metric);
    }
    signetCosts.push(s);
    if (b !== undefined) {
      baselineCosts.push(b);
      ratios.push(s / b);
    }
  }
  const signetMedian = median(signetCosts);
  // The median of the paired per-round ratios, not the ratio of the two medians: each round
  // measures both sides back to back, so a machine that speeds up or slows down during the run
  // (other processes, frequency changes) cancels out of each round's ratio.
  const ratio = ratios.length === 0 ? null : round3(median(ratios));
  const value = kind === 'ratio' ? null : round3(comparison.judge === 'max' ? Math.max(...signetCosts) : signetMedian);
  const { target } = comparison;
  // Judged on the rounded number, the one a reader sees next to the target.
  const ok = target === null ? true : kind === 'ratio' ? ratio! <= target : value! <= target;
  return {
    name: comparison.name,
    kind,
    section: comparison.section ?? group,
    measured: comparison.measured,
    metric,
    unit: comparison.unit ?? (metric === 'cpu' ? 'µs CPU/op' : metric === 'bytes' ? 'bytes/op' : metric === 'wall' ? 'µs/op' : 'value'),
    signet: signet.label,
    baseline: baseline?.label ?? null,
    signetMedian: round3(signetMedian),
    baselineMedian: baselineCosts.length === 0 ? null : round3(median(baselineCosts)),
    signetP25: round3(quantile(signetCosts, 0.25)),
    signetP75: round3(quantile(signetCosts, 0.75)),
    value,
    judge: comparison.judge ?? 'median',
    ratio,
    ratioP25: ratios.length === 0 ? null : round3(quantile(ratios, 0.25)),
    ratioP75: ratios.length === 0 ? null : round3(quantile(ratios, 0.75)),
    target,
    ok,
    source: comparison.source,
    rounds,
    opsPerRound: ops,
    quick: plan.quick,
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
