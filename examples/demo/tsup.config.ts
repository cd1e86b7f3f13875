import { defineConfig } from 'tsup';

// The demo runs on the packages' built output (dist/), exactly as a user installing them would.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
});
