import { formatTable } from './format-table.js';
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
