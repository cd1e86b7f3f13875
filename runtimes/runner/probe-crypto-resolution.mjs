// @ts-check
// Bun and Deno run the sources unbundled here, so their own resolvers pick the `#crypto` entry
// of @signet/core's imports map: both apply the `node` condition, and must get node:crypto.
import { join } from 'node:path';
import { runProcess } from './run-process.mjs';

/**
 * @param {{ runtimesDir: string, command: readonly string[], timeoutMs: number }} options
 * @returns {Promise<string>} 'node-crypto', 'web-crypto', or a description of the failure
 */
export async function probeCryptoResolution({ runtimesDir, command, timeoutMs }) {
  const [program, ...args] = command;
  const result = await runProcess(/** @type {string} */ (program), [...args, join(runtimesDir, 'probe', 'crypto-resolution.ts')], { cwd: runtimesDir, timeoutMs });
  const line = result.stdout.split('\n').find((text) => text.startsWith('SIGNET_CRYPTO '));
  return line?.slice('SIGNET_CRYPTO '.length).trim() ?? `no answer (exit ${result.code}): ${result.stderr.trim().split('\n')[0] ?? ''}`;
}
