// One replica of a fleet, run as its own process by fleet.ts (bundled by bundle-for-node.ts).
// It reads commands as JSON lines on stdin and answers each with one JSON line on stdout.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createSendLoop, type SignetEvent, type Transport } from '@signet/core';
import { bearer } from '@signet/core/bearer';
import { clientCredentials, refreshToken } from '@signet/core/oauth2';
import { createRedisClient, createRedisLock, createRedisTokenStore } from '@signet/redis';

/** What the parent passes in argv[2], as JSON. */
export interface FleetChildConfig {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly tokenEndpoint: string;
  readonly resourceUrl: string;
  readonly grant: 'refresh_token' | 'client_credentials';
  readonly clientId: string;
  readonly clientSecret: string;
  readonly lockTtlMs: number;
  readonly lockWaitMs: number;
}

/** A command from the parent. */
export type FleetCommand = { readonly cmd: 'burst'; readonly n: number } | { readonly cmd: 'await-redis' } | { readonly cmd: 'exit' };

/** The answer to a burst: statuses by count, and the events seen since the last answer. */
export interface BurstReply {
  readonly statuses: Record<string, number>;
  readonly errors: string[];
  readonly events: SignetEvent[];
}

const config = JSON.parse(process.argv[2] ?? '{}') as FleetChildConfig;
const redis = createRedisClient({ url: config.redisUrl, maxReconnectDelayMs: 200 });
const origin = new URL(config.resourceUrl).origin;
const client = { clientId: config.clientId, clientSecret: config.clientSecret, tokenEndpoint: config.tokenEndpoint };
const source = config.grant === 'refresh_token' ? refreshToken(client) : clientCredentials(client);
let events: SignetEvent[] = [];
// The core send loop with a few lines of fetch transport (@signet/redis does not depend on
// @signet/fetch; the example in examples/fleet uses withAuth).
const loop = createSendLoop(
  bearer(source, {
    store: createRedisTokenStore(redis, { prefix: config.prefix }),
    lock: createRedisLock(redis, { prefix: config.prefix }),
    lockTtlMs: config.lockTtlMs,
    lockWaitMs: config.lockWaitMs,
    retry: { retries: 0 },
  }),
  { origins: origin, onEvent: (event) => events.push(event) },
);
const transport: Transport<unknown, Response> = async (request, signal) => {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, redirect: 'manual', signal: signal ?? null });
  return { status: response.status, headers: response.headers, raw: response, discard: () => response.body?.cancel() };
};
const api = (url: string): Promise<Response> => loop.send({ method: 'GET', url: new URL(url), headers: new Headers(), body: undefined }, transport);

async function burst(n: number): Promise<BurstReply> {
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      try {
        const response = await api(config.resourceUrl);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch (error) {
        errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    }),
  );
  const seen = events;
  events = [];
  return { statuses, errors, events: seen };
}

async function awaitRedis(): Promise<{ ready: boolean }> {
  const deadline = Date.now() + 10_000;
  while (!redis.isReady && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return { ready: redis.isReady };
}

const send = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = JSON.parse(line) as FleetCommand;
  if (command.cmd === 'exit') process.exit(0);
  (command.cmd === 'burst' ? burst(command.n) : awaitRedis()).then(send, (error: unknown) => send({ failed: String(error) }));
});
// The parent closing our stdin (or dying) ends us too.
lines.on('close', () => process.exit(0));
if (!redis.isReady) await once(redis, 'ready');
send({ ready: true });
