import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { comparisonGroups } from './comparisons/index.js';
import { formatTable } from './format-table.js';
import { readMachineInfo } from './report/machine-info.js';
import { type SavedRun, writePerformanceDoc } from './report/write-performance-doc.js';
import type { ComparisonResult } from './runner/comparison.js';
import { NORMAL_PLAN, QUICK_PLAN, runComparison } from './runner/run-comparison.js';

// `pnpm bench` prints a table; `--json` prints one JSON line per comparison on stdout and nothing
// else there (progress goes to stderr); `--quick` runs few iterations, to prove the bench still
// works, not to measure; `--filter <text>` runs only the comparisons whose name contains <text>;
// `--markdown <path>` also writes docs/performance.md from the run (with its SVG charts and the
// raw results in performance/results.json next to it); `--from <results.json>` skips running
// and renders a saved run (with `--markdown`).
// Missed targets do not fail the run (timings on a shared machine are not a gate); errors do.
const USAGE = 'usage: pnpm bench [--json] [--quick] [--filter <text>] [--markdown <path>] [--from <results.json>]';

interface Args {
  json: boolean;
  quick: boolean;
  filter: string | undefined;
  markdown: string | undefined;
  from: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, quick: false, filter: undefined, markdown: undefined, from: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--markdown' && argv[i + 1] !== undefined) args.markdown = argv[++i];
    else if (arg === '--from' && argv[i + 1] !== undefined) args.from = argv[++i];
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--filter' && argv[i + 1] !== undefined) args.filter = argv[++i];
    else if (arg.startsWith('--filter=')) args.filter = arg.slice('--filter='.length);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${arg}\n${USAGE}\n`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (args.from !== undefined) {
  if (args.markdown === undefined) {
    process.stderr.write(`bench: --from needs --markdown <path>\n${USAGE}\n`);
    process.exit(2);
  }
  const saved = JSON.parse(await readFile(args.from, 'utf8')) as SavedRun;
  const written = await writePerformanceDoc(args.markdown, saved);
  process.stderr.write(`bench: wrote ${written.join(', ')}\n`);
  process.exit(0);
}
// Read before the run: the load average says how busy the machine was when it started.
const machine = readMachineInfo();
const plan = args.quick ? QUICK_PLAN : NORMAL_PLAN;
const results: ComparisonResult[] = [];
const started = Date.now();

if (!args.json) {
  const mode = args.quick ? 'quick mode: few iterations, the numbers are not measurements' : 'normal mode';
  process.stdout.write(`pnpm bench · ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${process.platform} ${process.arch} · ${cpus().length} CPUs · ${mode}\n\n`);
}

for (const group of comparisonGroups) {
  const open = await group.open();
  try {
    for (const comparison of open.comparisons) {
      if (args.filter !== undefined && !comparison.name.includes(args.filter)) continue;
      process.stderr.write(`bench: ${comparison.name} …\n`);
      const result = await runComparison(comparison, plan, group.name);
      results.push(result);
      // Printed as soon as known, so a long run shows progress and a later failure loses nothing.
      if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    await open.close();
  }
}

if (results.length === 0) {
  process.stderr.write(`bench: no comparison matched --filter ${args.filter}\n`);
  process.exitCode = 2;
} else if (!args.json) {
  process.stdout.write(formatTable(results));
}
if (args.markdown !== undefined && results.length > 0) {
  const written = await writePerformanceDoc(args.markdown, { machine, results });
  process.stderr.write(`bench: wrote ${written.join(', ')}\n`);
}
process.stderr.write(`bench: ${results.length} comparison(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
