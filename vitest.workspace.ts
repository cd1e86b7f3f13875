// The one list of test projects. vitest 4 no longer reads this file by itself (it would then
// silently run nothing), so vitest.config.ts imports it as `test.projects`.
import type { TestProjectInlineConfiguration } from 'vitest/config';

// Tests run against each package's TypeScript source through the `@signet/source` export
// condition, so no build is needed first and a stack trace points at src/.
// The rest are Vite's defaults for server code.
const conditions = ['@signet/source', 'module', 'node', 'development|production'];

function project(name: string, root: string, include = ['test/**/*.test.ts']): TestProjectInlineConfiguration {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: { name, root, include, environment: 'node' },
  };
}

export default [
  project('core', 'packages/core'),
  project('fetch', 'packages/fetch'),
  project('verifier', 'packages/verifier'),
  project('axios', 'packages/axios'),
  project('node', 'packages/node'),
  project('redis', 'packages/redis'),
  project('integration', 'tests', ['conformance/**/*.test.ts', 'interop/**/*.test.ts', 'oauth2/**/*.test.ts']),
  project('examples', 'examples', ['*/test/**/*.test.ts']),
];
