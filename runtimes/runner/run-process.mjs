// @ts-check
import { spawn } from 'node:child_process';

/**
 * Runs `command args` in `cwd` and resolves with its exit code and output. Kills it (by its own
 * pid) after `timeoutMs`, so a hung runtime fails the run instead of stalling it.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, timedOut: boolean }>}
 */
export function runProcess(command, args, { cwd, timeoutMs, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * Runs a bundle's launcher in a process runtime and returns the report it printed, or a
 * description of why there is none.
 * @param {readonly string[]} commandLine the runtime and its flags, launcher appended
 * @param {{ cwd: string, timeoutMs: number }} options
 * @returns {Promise<{ report?: import('../harness/run-report.js').RunReport, problem?: string }>}
 */
export async function runReportingProcess(commandLine, options) {
  const [command, ...args] = commandLine;
  const result = await runProcess(/** @type {string} */ (command), args, options);
  const line = result.stdout.split('\n').find((text) => text.startsWith('SIGNET_REPORT '));
  if (line !== undefined) return { report: JSON.parse(line.slice('SIGNET_REPORT '.length)) };
  const why = result.timedOut ? `timed out after ${options.timeoutMs} ms` : `exited with ${result.code} and no report`;
  return { problem: `${why}\n${(result.stderr || result.stdout).trim().split('\n').slice(0, 15).join('\n')}` };
}
