// Prints vitest's totals from its JSON report as one plain line, "N passed, N failed[, N skipped]",
// and fails when the report is missing or counts no test, so a run that tested nothing is visible.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
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
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
if (report.numTotalTests === 0 || failed > 0) process.exit(1);
