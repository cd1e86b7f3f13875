import type { ComparisonResult } from './runner/comparison.js';

/** Results as an aligned plain-text table, each row's two sides spelled out underneath. */
export function formatTable(results: readonly ComparisonResult[]): string {
  const header = ['comparison', 'unit', 'Signet', 'baseline', 'ratio', 'p25–p75', 'target', 'result'];
  const cells = results.map((r) => [
    r.name,
    r.unit,
    fixed(r.signetMedian),
    r.baselineMedian === null ? '–' : fixed(r.baselineMedian),
    r.ratio === null ? '–' : r.ratio.toFixed(3),
    r.ratioP25 === null ? `${fixed(r.signetP25)}–${fixed(r.signetP75)}` : `${r.ratioP25.toFixed(2)}–${r.ratioP75!.toFixed(2)}`,
    targetText(r),
    verdict(r),
  ]);
  const numeric = new Set([2, 3, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const legend = results.map((r) => `  ${r.name}: ${r.measured}\n    Signet:   ${r.signet}${r.baseline === null ? '' : `\n    baseline: ${r.baseline}`}`);
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n\nmedians over interleaved rounds (${results.map((r) => r.rounds).join(', ')}); ratio = median of the per-round ratios Signet / baseline; p25–p75 = their spread (absolute rows without a baseline: Signet's own spread)\nabsolute rows (target in the unit, marked "abs"): judged on Signet's value, the ratio is context\n${legend.join('\n')}\n`;
}

/** `≤ 1.5` for a ratio row, `≤ 2 µs/op abs` for an absolute one, `–` when there is no target. */
export function targetText(r: ComparisonResult): string {
  if (r.target === null) return '–';
  return r.kind === 'ratio' ? `≤ ${r.target}` : `≤ ${r.target} abs`;
}

/** `ok`, `MISSED by 12.3%`, or `reported` for a row without a target. */
export function verdict(r: ComparisonResult): string {
  if (r.target === null) return 'reported';
  if (r.ok) return 'ok';
  return `MISSED by ${missedBy(r)}`;
}

/** By how much a row misses its target, in percent of the target (`+45.0%`), or `+3 token calls` style for a zero target. */
export function missedBy(r: ComparisonResult): string {
  const measured = r.kind === 'ratio' ? r.ratio! : r.value!;
  if (r.target === null || r.target === 0) return `${measured} (target ${r.target})`;
  return `${((measured / r.target - 1) * 100).toFixed(1)}%`;
}

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(1) : value.toFixed(3);
}
