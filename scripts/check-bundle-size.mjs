#!/usr/bin/env node
// Browser bundle budgets: bundles each entry as a browser app would (ESM, tree-shaken, minified,
// from the packages' TypeScript sources), gzips it, prints the sizes and exits 1 when a budget is
// exceeded. With --analyze (or when over budget), lists the inputs that weigh most (esbuild
// metafile), so the fix can be aimed.
//
//   node scripts/check-bundle-size.mjs [--analyze] [--json]
//
// 1 kB = 1000 bytes (as size-limit and bundlers report).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Resolved from a workspace package that depends on @signet/core and @signet/fetch.
const resolveDir = join(root, 'examples', 'spa');

/** The budgets: what an app imports, and the most it may cost, gzipped. */
const BUDGETS = [
  {
    name: '@signet/fetch withAuth + bearer + refreshToken',
    code: "export { withAuth } from '@signet/fetch'; export { bearer } from '@signet/core/bearer'; export { refreshToken } from '@signet/core/oauth2';",
    gzipBudget: 3000,
  },
  { name: '@signet/core/hmac hmac', code: "export { hmac } from '@signet/core/hmac';", gzipBudget: 2000 },
  // Reported, not budgeted: what the tabs coordination adds on top of the first row.
  {
    name: 'first row + @signet/core/browser tabs store and lock',
    code:
      "export { withAuth } from '@signet/fetch'; export { bearer } from '@signet/core/bearer'; export { refreshToken } from '@signet/core/oauth2';" +
      `export { createTabsLock, createTabsTokenStore } from '@signet/core/browser';`,
  },
];

function loadEsbuild() {
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

async function measure(esbuild, { code }) {
  const result = await esbuild.build({
    entryPoints: ['signet-entry'],
    plugins: [virtualEntry(code)],
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

function virtualEntry(contents) {
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

const args = new Set(process.argv.slice(2));
const esbuild = loadEsbuild();
let failed = false;
const report = [];
for (const budget of BUDGETS) {
  const size = await measure(esbuild, budget);
  const over = budget.gzipBudget !== undefined && size.gzip > budget.gzipBudget;
  failed ||= over;
  report.push({ name: budget.name, minified: size.minified, gzip: size.gzip, lazyMinified: size.lazy, budget: budget.gzipBudget ?? null, over });
  if (args.has('--json')) continue;
  const verdict = budget.gzipBudget === undefined ? '(no budget)' : `${over ? 'OVER' : 'ok  '} budget ${(budget.gzipBudget / 1000).toFixed(1)} kB`;
  const lazy = size.lazy > 0 ? ` (+${(size.lazy / 1000).toFixed(2)} kB min loaded on demand)` : '';
  console.log(`${verdict}  ${(size.gzip / 1000).toFixed(2)} kB gzip  ${(size.minified / 1000).toFixed(2)} kB min${lazy}  ${budget.name}`);
  if (over || args.has('--analyze')) {
    for (const input of size.inputs.slice(0, 15)) console.log(`      ${String(input.bytes).padStart(7)} B  ${input.path}`);
  }
}
if (args.has('--json')) console.log(JSON.stringify(report, null, 2));
if (failed) {
  console.error('bundle-size: a browser budget is exceeded (see the heaviest inputs above)');
  process.exitCode = 1;
}
