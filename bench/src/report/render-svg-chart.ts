import type { ComparisonResult } from '../runner/comparison.js';

const WIDTH = 860;
const LABEL_WIDTH = 330;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 14;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 90;

/** What a row's bar shows: the number judged against the target, on a scale where the target is `target`. */
interface Bar {
  readonly label: string;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly target: number | null;
  readonly ok: boolean;
  readonly text: string;
}

/**
 * A horizontal bar chart of one section, as SVG text: for a ratio row the ratio (p25–p75 as a
 * whisker) with its target as a vertical mark; for an absolute row the value as a share of its
 * target (the mark at 1×); a row with neither a target nor a ratio is left out. Bars past the
 * scale are cut and end in an arrow. No script, no external font: GitHub renders it inline.
 */
export function renderSvgChart(title: string, results: readonly ComparisonResult[]): string | undefined {
  const bars = results.map(toBar).filter((bar): bar is Bar => bar !== undefined);
  if (bars.length === 0) return undefined;
  // One scale per chart, so bars compare; capped so a 15× row does not flatten the rest.
  const max = Math.min(4, Math.max(...bars.flatMap((b) => [b.value, b.high ?? 0, b.target ?? 0])) * 1.1);
  const x = (v: number): number => LABEL_WIDTH + (Math.min(v, max) / max) * PLOT_WIDTH;
  const height = 40 + bars.length * ROW_HEIGHT + 24;
  const rows = bars.map((bar, i) => {
    const y = 40 + i * ROW_HEIGHT;
    const mid = y + BAR_HEIGHT / 2;
    const color = bar.target === null ? '#8c8c8c' : bar.ok ? '#2f8f4e' : '#c4423a';
    const cut = bar.value > max ? `<path d="M${x(max)} ${y - 2} l8 ${BAR_HEIGHT / 2 + 2} l-8 ${BAR_HEIGHT / 2 + 2}z" fill="${color}"/>` : '';
    const whisker = bar.low !== null && bar.high !== null ? `<line x1="${x(bar.low)}" x2="${x(bar.high)}" y1="${mid}" y2="${mid}" stroke="#222" stroke-width="1.5"/>` : '';
    const mark = bar.target !== null ? `<line x1="${x(bar.target)}" x2="${x(bar.target)}" y1="${y - 5}" y2="${y + BAR_HEIGHT + 5}" stroke="#222" stroke-width="2" stroke-dasharray="3 2"/>` : '';
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${mid + 4}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${x(bar.value) - LABEL_WIDTH}" height="${BAR_HEIGHT}" fill="${color}"/>`,
      cut,
      whisker,
      mark,
      `<text x="${Math.min(x(bar.value), LABEL_WIDTH + PLOT_WIDTH) + 12}" y="${mid + 4}">${escape(bar.text)}</text>`,
    ].join('');
  });
  const axis = [0, max / 4, max / 2, (3 * max) / 4, max].map((v) => `<text x="${x(v)}" y="${height - 8}" text-anchor="middle" fill="#666">${v.toFixed(2)}×</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>
<text x="${WIDTH - 10}" y="20" text-anchor="end" fill="#666">bar: Signet / baseline (absolute rows: value / target) · dashed: target · whisker: p25–p75</text>
${rows.join('\n')}
<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="32" y2="${height - 22}" stroke="#999"/>
${axis.join('')}
</svg>
`;
}

function toBar(r: ComparisonResult): Bar | undefined {
  const label = shortLabel(r.name);
  if (r.kind === 'ratio') {
    return { label, value: r.ratio!, low: r.ratioP25, high: r.ratioP75, target: r.target, ok: r.ok, text: `${r.ratio!.toFixed(2)} (≤ ${r.target})` };
  }
  if (r.target !== null && r.target > 0) {
    const share = r.value! / r.target;
    return { label, value: share, low: r.signetP25 / r.target, high: r.signetP75 / r.target, target: 1, ok: r.ok, text: `${r.value} ${r.unit} (≤ ${r.target})` };
  }
  if (r.ratio !== null) return { label, value: r.ratio, low: r.ratioP25, high: r.ratioP75, target: null, ok: true, text: `${r.ratio.toFixed(2)}× the baseline (no target)` };
  return undefined;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A long row name keeps what tells the bars apart: the subject before " vs " and the trailing
// qualifier (", concurrency 64"); the baseline is in the table beside the chart.
function shortLabel(name: string): string {
  if (name.length <= 52) return name;
  const subject = name.split(' vs ')[0] ?? name;
  const qualifier = /, [^,]+$/.exec(name)?.[0] ?? '';
  const short = subject.endsWith(qualifier) ? subject : subject + qualifier;
  return short.length > 52 ? `${short.slice(0, 51)}…` : short;
}
