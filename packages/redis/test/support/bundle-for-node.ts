import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bundles a TypeScript entry (a child process's script) and the workspace sources it imports into
 * one plain .mjs file that `node` runs with no loader, no build of the packages and no new
 * dependency. Node 20 cannot run .ts (no --experimental-strip-types), and the packages' dist/ may
 * not exist on a clean checkout; bundling once here keeps each child's start cheap (8 children
 * each transpiling the sources would cost seconds of CPU apiece).
 *
 * esbuild comes from tsup, a root devDependency, through tsup's own resolution (pnpm does not
 * hoist esbuild to the root).
 */
export async function bundleForNode(entry: string): Promise<string> {
  const fromRoot = createRequire(import.meta.url);
  const esbuild = createRequire(fromRoot.resolve('tsup'))('esbuild') as Esbuild;
  const outfile = join(await mkdtemp(join(tmpdir(), 'signet-child-')), 'child.mjs');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Resolve the workspace packages to their TypeScript sources, as vitest does.
    conditions: ['@signet/source', 'node'],
    // node-redis is CommonJS and requires Node built-ins; an ES module bundle needs a require.
    banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}
