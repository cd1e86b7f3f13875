import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built against the packages' TypeScript sources (the `@signet/source` condition), so no package
// build is needed first.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    conditions: ['@signet/source', 'module', 'browser', 'development|production'],
  },
  build: { target: 'es2022', sourcemap: false },
});
