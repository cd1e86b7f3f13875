// @ts-check
// Turns the runs into one line per runtime and a verdict. A run fails when it has a problem or a
// failed test, reports the wrong crypto implementation, or ran a different set of tests from the
// others (a suite file that registered nothing, or was not bundled, or stopped early).

/**
 * @typedef {import('../harness/run-report.js').RunReport} RunReport
 * @typedef {{ runtime: string, variant: string, expectedCrypto: string, report?: RunReport, problem?: string }} Run
 * @typedef {{ runtime: string, expected: string, found: string }} Probe
 */

/** @param {Readonly<Record<string, number>>} files */
const shape = (files) => JSON.stringify(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));

/**
 * @param {{ runs: readonly Run[], probes: readonly Probe[], suites: readonly string[] }} input
 * @returns {{ lines: string[], problems: string[] }}
 */
export function checkReports({ runs, probes, suites }) {
  /** @type {string[]} */
  const problems = [];
  const reports = runs.flatMap((run) => (run.report ? [run.report] : []));
  // The reference: every suite file, each with the count most runs agree on.
  const expectedFiles = Object.fromEntries(suites.map((file) => [file, mostCommon(reports.map((report) => report.files[file] ?? 0))]));
  const expectedTotal = Object.values(expectedFiles).reduce((sum, count) => sum + count, 0);

  for (const run of runs) {
    const label = `${run.runtime} (${run.variant} bundle)`;
    if (run.problem !== undefined) problems.push(`${label}: ${run.problem}`);
    const report = run.report;
    if (report === undefined) continue;
    for (const failure of report.failures) problems.push(`${label}: ${failure.file} › ${failure.name}\n    ${failure.error}`);
    if (report.crypto !== run.expectedCrypto) problems.push(`${label}: platformCrypto is ${report.crypto}, expected ${run.expectedCrypto}`);
    if (report.passed + report.failed === 0) problems.push(`${label}: ran no tests`);
    for (const file of suites) {
      if (!(file in report.files)) problems.push(`${label}: ${file} was not run`);
      else if (report.files[file] === 0) problems.push(`${label}: ${file} registered no tests`);
    }
    if (shape(report.files) !== shape(expectedFiles)) problems.push(`${label}: ran ${shape(report.files)}, the others ${shape(expectedFiles)}`);
  }
  for (const probe of probes) {
    if (probe.found !== probe.expected) problems.push(`${probe.runtime}: unbundled, #crypto resolved to ${probe.found}, expected ${probe.expected}`);
  }

  /** @type {string[]} */
  const lines = [];
  for (const runtime of [...new Set(runs.map((run) => run.runtime))]) {
    const own = runs.filter((run) => run.runtime === runtime);
    const ok = own.every((run) => run.report && run.problem === undefined && run.report.failed === 0 && shape(run.report.files) === shape(expectedFiles) && run.report.crypto === run.expectedCrypto);
    const parts = own.map((run) => (run.report ? `${run.expectedCrypto} ${run.report.passed}/${expectedTotal} passed` : `${run.expectedCrypto} no report`));
    const probe = probes.find((p) => p.runtime === runtime);
    const seconds = own.reduce((sum, run) => sum + (run.report?.durationMs ?? 0), 0) / 1000;
    lines.push(`${ok ? 'PASS' : 'FAIL'}  ${runtime.padEnd(16)} ${parts.join(', ')}${probe ? `; unbundled #crypto → ${probe.found}` : ''} (${seconds.toFixed(1)} s)`);
  }
  if (expectedTotal === 0) problems.push('no tests ran anywhere');
  return { lines, problems };
}

/** @param {readonly number[]} values */
function mostCommon(values) {
  /** @type {Map<number, number>} */
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
