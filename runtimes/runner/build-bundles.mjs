// @ts-check
// Bundles the portable suites once per crypto implementation, from sources (the `@signet/source`
// export condition), with the esbuild that tsup brings (see docs/runtimes.md).
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A bundle of every suite. `web` is built for the browser platform, so `#crypto` resolves to
 * src/crypto/web-crypto.ts; `node` for the node platform (the `node` condition), so it resolves
 * to src/crypto/node/node-crypto.ts, as Node, Bun and Deno resolve the published package.
 * @typedef {{ variant: 'web' | 'node', crypto: 'web-crypto' | 'node-crypto', file: string, launcher: string }} Bundle
 */

/** @type {ReadonlyArray<{ variant: 'web' | 'node', crypto: 'web-crypto' | 'node-crypto', platform: 'browser' | 'node' }>} */
const VARIANTS = [
  { variant: 'web', crypto: 'web-crypto', platform: 'browser' },
  { variant: 'node', crypto: 'node-crypto', platform: 'node' },
];

/** esbuild is not a dependency of this package yet; take tsup's (root devDependency). */
function loadEsbuild(rootDir) {
  const fromRoot = createRequire(join(rootDir, 'package.json'));
  const fromTsup = createRequire(fromRoot.resolve('tsup/package.json'));
  return /** @type {typeof import('esbuild')} */ (fromTsup('esbuild'));
}

/** The suite files, sorted: every one must register tests in every runtime. */
export function listSuites(runtimesDir) {
  return readdirSync(join(runtimesDir, 'suites'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
}

/**
 * The bundle's entry, generated from the directory listing so no suite can be left out by hand.
 * @param {readonly string[]} suites
 */
function entrySource(suites) {
  const imports = suites.map((name, i) => `import suite${i} from './suites/${name}';`);
  const registrations = suites.map((name, i) => `registerFile(${JSON.stringify(name)}, suite${i});`);
  return [`import { registerFile } from './harness/index.js';`, ...imports, ...registrations, `export { runTests } from './harness/index.js';`].join('\n');
}

/**
 * Builds both bundles into `outDir`, each with a launcher module for the process runtimes.
 * @param {{ rootDir: string, runtimesDir: string, outDir: string }} dirs
 * @returns {Promise<Bundle[]>}
 */
export async function buildBundles({ rootDir, runtimesDir, outDir }) {
  const esbuild = loadEsbuild(rootDir);
  const contents = entrySource(listSuites(runtimesDir));
  return Promise.all(
    VARIANTS.map(async ({ variant, crypto, platform }) => {
      const file = `portable-${variant}.js`;
      await esbuild.build({
        stdin: { contents, resolveDir: runtimesDir, sourcefile: 'portable-entry.ts', loader: 'ts' },
        bundle: true,
        format: 'esm',
        platform,
        // Sources, not dist: what vitest tests. The platform adds `browser` or `node`.
        conditions: ['@signet/source'],
        target: 'es2022',
        define: { SIGNET_EXPECTED_CRYPTO: JSON.stringify(crypto) },
        outfile: join(outDir, file),
        logLevel: 'silent',
      });
      const launcher = `launch-${variant}.mjs`;
      writeFileSync(
        join(outDir, launcher),
        `import { runTests } from './${file}';\nconsole.log('SIGNET_REPORT ' + JSON.stringify(await runTests()));\n`,
      );
      return { variant, crypto, file, launcher };
    }),
  );
}
