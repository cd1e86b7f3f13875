import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', msw: 'src/msw/index.ts', server: 'src/server/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations for all entries are built in one program, which the server entry needs Node types for;
  // `pnpm typecheck` still compiles the universal entries without them.
  dts: { compilerOptions: { types: ['node'] } },
  external: [/^node:/, 'msw'],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  splitting: true,
});
