// Browser bundle sizes, shared by scripts/check-bundle-size.mjs (the CI budgets) and the bench's
// bundle-size rows (bench/src/comparisons/bundle-sizes.ts), so both measure the same way.
// 1 kB = 1000 bytes (as size-limit and bundlers report).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild, as tsup installed it (it is not a root dependency, so it is found in pnpm's store). */
export function loadEsbuild() {
  // esbuild comes with tsup; it is not a root dependency, so find it in pnpm's store.
  const store = join(root, 'node_modules', '.pnpm');
  const versions = readdirSync(store).filter((name) => /^esbuild@\d/.test(name)).sort(compareVersions);
  if (versions.length === 0) throw new Error('esbuild not found in node_modules/.pnpm (run pnpm install)');
  return createRequire(join(store, versions.at(-1), 'node_modules', 'esbuild', 'package.json'))('esbuild');
}

function compareVersions(a, b) {
  const parts = (name) => name.slice('esbuild@'.length).split(/[._-]/).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * Bundles `code` (an entry module's text) as a browser app would: ESM, tree-shaken, minified,
 * resolved from `resolveDir` with the packages' TypeScript sources (`@signet/source`), `external`
 * packages left out. Returns the entry chunk's minified and gzip (level 9) sizes, the bytes of
 * lazily loaded chunks, and the heaviest inputs (esbuild metafile).
 *
 * @param {{ build: Function }} esbuild
 * @param {{ code: string, resolveDir: string, external?: string[] }} entry
 * @returns {Promise<{ minified: number, gzip: number, lazy: number, inputs: { path: string, bytes: number }[] }>}
 */
export async function measureBundle(esbuild, { code, resolveDir, external = [] }) {
  const result = await esbuild.build({
    entryPoints: ['signet-entry'],
    plugins: [virtualEntry(code, resolveDir)],
    external,
    absWorkingDir: root,
    outdir: 'out',
    bundle: true,
    write: false,
    // Split, so code behind a dynamic import() (private_key_jwt's jose) is its own chunk, loaded
    // only when used, as in any bundler-built app: the budget is the entry chunk.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    metafile: true,
    legalComments: 'none',
    // The sources, as the tests use them; `#crypto` then resolves to the Web Crypto module.
    conditions: ['@signet/source', 'browser', 'module', 'import', 'default'],
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
  const [entryPath, entry] = outputs.find(([, output]) => output.entryPoint !== undefined);
  const bytes = result.outputFiles.find((file) => file.path.endsWith(entryPath)).contents;
  const inputs = Object.entries(entry.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: shorten(path), bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const lazy = outputs.filter(([path]) => path !== entryPath).reduce((sum, [, output]) => sum + output.bytes, 0);
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, lazy, inputs };
}

function virtualEntry(contents, resolveDir) {
  return {
    name: 'signet-entry',
    setup(build) {
      build.onResolve({ filter: /^signet-entry$/ }, () => ({ path: 'signet-entry', namespace: 'signet-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'signet-entry' }, () => ({ contents, resolveDir, loader: 'js' }));
    },
  };
}

function shorten(path) {
  return path.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/(.+)$/)?.[1] ?? path;
}

