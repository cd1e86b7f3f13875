import { defineConfig } from 'tsup';

// The bench runs on the packages' built output (dist/), exactly as a user installing them would.
// `verifier-server` is a second entry: the bench starts it in a child process, so the server's
// CPU is never counted as the client's.
export default defineConfig({
  entry: { cli: 'src/cli.ts', 'verifier-server': 'src/verifier-server.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
});
