// Starts several worker processes (the replicas of a service) and collects what each printed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Options for {@link launchFleet}. */
export interface LaunchFleetOptions {
  /** How many worker processes (default 4). */
  workers?: number;
  /** The worker script (default ./worker.ts next to this file, which needs a TypeScript loader such as tsx). */
  script?: string;
  /** Node flags for the workers (default: this process's own, so `node --import tsx launcher.ts` passes tsx on). */
  execArgv?: string[];
  /** Environment of the workers (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** What one worker printed. */
export interface WorkerResult {
  readonly pid: number;
  readonly statuses: Record<string, number>;
}

/** Runs the workers at once and resolves with their results; rejects if any fails. */
export async function launchFleet(options: LaunchFleetOptions = {}): Promise<WorkerResult[]> {
  const script = options.script ?? fileURLToPath(new URL('./worker.ts', import.meta.url));
  return Promise.all(
    Array.from({ length: options.workers ?? 4 }, async () => {
      const child = spawn(process.execPath, [...(options.execArgv ?? process.execArgv), script], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`a worker exited with code ${code}`);
      return JSON.parse(output) as WorkerResult;
    }),
  );
}

// `node --import tsx launcher.ts` with REDIS_URL, TOKEN_ENDPOINT, CLIENT_ID, CLIENT_SECRET, API_URL set.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await launchFleet({ workers: Number(process.env.WORKERS ?? '4') }));
}
