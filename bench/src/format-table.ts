import type { ComparisonResult } from './runner/comparison.js';

/** Results as an aligned plain-text table, each row's two sides spelled out underneath. */
export function formatTable(results: readonly ComparisonResult[]): string {
  const header = ['comparison', 'unit', 'Signet', 'baseline', 'ratio', 'p25–p75', 'target', 'result'];
  const cells = results.map((r) => [
    r.name,
    r.unit,
    fixed(r.signetMedian),
    fixed(r.baselineMedian),
    r.ratio.toFixed(3),
    `${r.ratioP25.toFixed(2)}–${r.ratioP75.toFixed(2)}`,
    `≤ ${r.target}`,
    r.ok ? 'ok' : `MISSED by ${((r.ratio / r.target - 1) * 100).toFixed(1)}%`,
  ]);
  const numeric = new Set([2, 3, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const legend = results.map((r) => `  ${r.name}: ${r.measured}\n    Signet:   ${r.signet}\n    baseline: ${r.baseline}`);
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n\nmedians over interleaved rounds (${results.map((r) => r.rounds).join(', ')}); ratio = median of the per-round ratios Signet / baseline; p25–p75 = their spread\n${legend.join('\n')}\n`;
}

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(1) : value.toFixed(3);
}
