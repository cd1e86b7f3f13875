import { defineConfig } from 'tsup';

// The bench runs on the packages' built output (dist/), exactly as a user installing them would.
// `verifier-server` and `oauth-server` (the verifier with the mock authorization server) are
// entries of their own: the bench starts them in child processes, so a server's CPU is never
// counted as the client's.
export default defineConfig({
  entry: { cli: 'src/cli.ts', 'verifier-server': 'src/verifier-server.ts', 'oauth-server': 'src/oauth-server.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  // Every package is imported from node_modules at run time, never bundled: the bench measures
  // the packages as installed (and bundling CommonJS peers such as axios into ESM breaks them).
  skipNodeModulesBundle: true,
});
