// The runtime-neutral test harness of the portable suites. Only re-exports.
export { AssertionError, expect, rejects, type Expectation } from './expect.js';
export { nextMacrotask } from './next-macrotask.js';
export { cryptoImplementation, registerFile, runTests, test, type TestBody } from './registry.js';
export type { RunReport, TestFailure } from './run-report.js';
