import type { DemoRow } from './demo-row.js';
import { runDemo } from './run-demo.js';

// `pnpm demo` prints a table; `pnpm demo --json` prints the same rows as JSON lines.
const rows = await runDemo();
if (process.argv.includes('--json')) {
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
} else {
  process.stdout.write(formatTable(rows));
}
// A row that came out other than expected fails the demo, so it can be trusted in CI.
const unexpected = rows.filter((row) => row.verified === row.expectRefused);
if (unexpected.length > 0) {
  process.stderr.write(`demo: ${unexpected.length} row(s) did not come out as expected\n`);
  process.exitCode = 1;
}

function formatTable(rows: readonly DemoRow[]): string {
  const header = ['scheme', 'adapter', 'request', 'status', 'verified', 'the verifier saw'];
  const cells = rows.map((r) => [r.scheme, r.adapter, r.request, String(r.status), r.verified ? 'yes' : r.expectRefused ? 'no (expected)' : 'NO', r.saw]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
