import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.js';

export default defineConfig({
  test: {
    projects,
    // The JSON report lets .ci/run print the totals, so a run that executed nothing is visible.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
