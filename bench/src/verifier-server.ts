// The verifier server, run by the bench in a child process (see start-verifier-process.ts) so that
// its CPU is not counted as the client's. Prints `{"origin":"http://127.0.0.1:<port>"}` once
// listening, and exits when its parent closes stdin or sends SIGTERM.
import { createVerifier } from '@signet/verifier';
import { startVerifierServer } from '@signet/verifier/server';
import { benchPolicy } from './fixtures/bench-policy.js';

const server = await startVerifierServer({ verifier: createVerifier(benchPolicy) });
process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);

// A parent that dies without killing us still closes our stdin: never outlive the bench.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
