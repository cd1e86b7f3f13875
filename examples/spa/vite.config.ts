import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built against the packages' TypeScript sources (the `@signet/source` condition), so no package
// build is needed first. `@signet/core/browser` is aliased to its source until the package
// exports it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    conditions: ['@signet/source', 'module', 'browser', 'development|production'],
    alias: { '@signet/core/browser': fileURLToPath(new URL('../../packages/core/src/tokens/browser/index.ts', import.meta.url)) },
  },
  build: { target: 'es2022', sourcemap: false },
});
