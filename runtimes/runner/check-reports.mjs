// @ts-check
// Turns the runs into one line per runtime and a verdict. A run fails when it has a problem or a
// failed test, reports the wrong crypto implementation, or ran a different set of tests from the
// others (a suite file that registered nothing, or was not bundled, or stopped early).

/**
 * @typedef {import('../harness/run-report.js').RunReport} RunReport
 * @typedef {{ runtime: string, variant: string, expectedCrypto: string, report?: RunReport, problem?: string }} Run
 * @typedef {{ runtime: string, expected: string, found: string }} Probe
 */

/**
 * @param {{ runs: readonly Run[], probes: readonly Probe[], suites: readonly string[] }} input
 * @returns {{ lines: string[], problems: string[] }}
 */
export function checkReports({ runs, probes, suites }) {
  /** @type {Map<string, string[]>} problems by runtime, in the order found */
  const byRuntime = new Map(runs.map((run) => [run.runtime, []]));
  const problem = (runtime, text) => byRuntime.get(runtime)?.push(text) ?? byRuntime.set(runtime, [text]);
  const reports = runs.flatMap((run) => (run.report ? [run.report] : []));
  // The reference: every suite file, with the count most runs agree on (0 if none ran it).
  const expected = Object.fromEntries(suites.map((file) => [file, mostCommon(reports.map((report) => report.files[file] ?? 0))]));
  const expectedTotal = Object.values(expected).reduce((sum, count) => sum + count, 0);

  for (const run of runs) {
    const label = `${run.runtime} (${run.variant} bundle)`;
    if (run.problem !== undefined) problem(run.runtime, `${label}: ${run.problem}`);
    const report = run.report;
    if (report === undefined) {
      if (run.problem === undefined) problem(run.runtime, `${label}: no report`);
      continue;
    }
    for (const failure of report.failures) problem(run.runtime, `${label}: ${failure.file} › ${failure.name}\n    ${failure.error}`);
    if (report.crypto !== run.expectedCrypto) problem(run.runtime, `${label}: platformCrypto is ${report.crypto}, expected ${run.expectedCrypto}`);
    if (report.passed + report.failed === 0) problem(run.runtime, `${label}: ran no tests`);
    for (const file of new Set([...suites, ...Object.keys(report.files)])) {
      const count = report.files[file];
      if (count === undefined) problem(run.runtime, `${label}: ${file} was not run`);
      else if (!(file in expected)) problem(run.runtime, `${label}: ran ${file}, which is not a suite file`);
      else if (count === 0) problem(run.runtime, `${label}: ${file} registered no tests`);
      else if (count !== expected[file]) problem(run.runtime, `${label}: ${file} ran ${count} test(s), the other runtimes ${expected[file]}`);
    }
  }
  for (const probe of probes) {
    if (probe.found !== probe.expected) problem(probe.runtime, `${probe.runtime}: unbundled, #crypto resolved to ${probe.found}, expected ${probe.expected}`);
  }
  if (expectedTotal === 0) problem('all', 'no tests ran anywhere');

  const lines = [...new Set(runs.map((run) => run.runtime))].map((runtime) => {
    const own = runs.filter((run) => run.runtime === runtime);
    const parts = own.map((run) => (run.report ? `${run.expectedCrypto} ${run.report.passed}/${expectedTotal} passed` : `${run.expectedCrypto}: no report`));
    const probe = probes.find((p) => p.runtime === runtime);
    const seconds = own.reduce((sum, run) => sum + (run.report?.durationMs ?? 0), 0) / 1000;
    const verdict = (byRuntime.get(runtime) ?? []).length === 0 ? 'PASS' : 'FAIL';
    return `${verdict}  ${runtime.padEnd(16)} ${parts.join(', ')}${probe ? `; unbundled #crypto → ${probe.found}` : ''} (${seconds.toFixed(1)} s)`;
  });
  return { lines, problems: [...byRuntime.values()].flat() };
}

/** @param {readonly number[]} values */
function mostCommon(values) {
  /** @type {Map<number, number>} */
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
