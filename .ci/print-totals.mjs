// Prints vitest's totals from its JSON report as one plain line, "N passed, N failed[, N skipped]",
// and fails when the report is missing, counts no test, or the test command (its exit status is
// the second argument) failed outside any test, so a run that tested nothing is visible.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
// The test command's exit status, when the caller passes it: vitest exits 1 for an error outside
// any test (an unhandled rejection) while its JSON report still says every test passed.
const exitStatus = process.argv[3] === undefined ? 0 : Number(process.argv[3]);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('0 passed, 0 failed');
  console.error(`print-totals: no test report at ${file}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// numFailedTestSuites also counts every describe block around a failing test, so it would report one
// failure three times; count failed tests, plus files that failed without running a test (an import error).
const filesFailedWithoutTests = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
).length;
const failed = (report.numFailedTests ?? 0) + filesFailedWithoutTests;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const outside = exitStatus !== 0 && failed === 0 ? `; the test command exited ${exitStatus} (errors outside tests, above)` : '';
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}${outside}`);
if (report.numTotalTests === 0 || failed > 0 || exitStatus !== 0) process.exit(1);
