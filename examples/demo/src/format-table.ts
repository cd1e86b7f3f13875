import type { DemoRow } from './demo-row.js';

/** The demo's rows as an aligned plain-text table. */
export function formatTable(rows: readonly DemoRow[]): string {
  const header = ['scheme', 'adapter', 'request', 'status', 'verified', 'the verifier saw'];
  const cells = rows.map((r) => [r.scheme, r.adapter, r.request, String(r.status), r.verified ? 'yes' : r.expectRefused ? 'no (expected)' : 'NO', r.saw]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}
