import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The flags that keep Chromium inside this closed network (no background connections). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Builds the app once with Vite's JS API into a temporary folder and returns its files as
 * exact-path routes for `startVerifierServer`, so the app, the token endpoint and the API share
 * one loopback origin (no CORS in the way).
 */
export async function buildApp(): Promise<{ routes: Record<string, (request: Request) => Promise<Response>>; cleanup(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'signet-spa-'));
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const routes: Record<string, (request: Request) => Promise<Response>> = {};
  for (const file of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    const body = await readFile(path);
    const type = TYPES[file.name.slice(file.name.lastIndexOf('.'))] ?? 'application/octet-stream';
    const route = `/${relative(outDir, path).split('\\').join('/')}`;
    routes[route] = async () => new Response(body, { headers: { 'content-type': type, 'cache-control': 'no-store' } });
  }
  routes['/'] = routes['/index.html']!;
  return { routes, cleanup: () => rm(outDir, { recursive: true, force: true }) };
}

/** Polls `probe` until it returns a value other than `undefined`, or fails at the deadline. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, deadlineMs = 10_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The `jti` of the JWT in an `Authorization: Bearer` header (not a secret: an identifier). */
export function jtiOf(request: Request): string | undefined {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  const payload = token?.split('.')[1];
  if (payload === undefined) return undefined;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti?: string }).jti;
}
