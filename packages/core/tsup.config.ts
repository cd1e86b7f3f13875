import { defineConfig } from 'tsup';

// The public entry points: the root and one subpath per scheme (package.json `exports`).
const entries = {
  index: 'src/index.ts',
  'api-key': 'src/schemes/api-key/index.ts',
  basic: 'src/schemes/basic/index.ts',
  hmac: 'src/schemes/hmac/index.ts',
  webhooks: 'src/schemes/webhooks/index.ts',
  'http-signatures': 'src/schemes/http-signatures/index.ts',
  oauth1: 'src/schemes/oauth1/index.ts',
  bearer: 'src/schemes/bearer/index.ts',
  oauth2: 'src/oauth2/index.ts',
  jwt: 'src/schemes/jwt/index.ts',
  dpop: 'src/schemes/dpop/index.ts',
  browser: 'src/tokens/browser/index.ts',
};

export default defineConfig({
  entry: {
    ...entries,
    // The two crypto implementations are separate files chosen at run time by the
    // package's `imports` map (`#crypto`), so neither is bundled into the others.
    'node-crypto': 'src/crypto/node/node-crypto.ts',
    'web-crypto': 'src/crypto/web-crypto.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: entries },
  external: ['#crypto', /^node:/],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  splitting: true,
});
