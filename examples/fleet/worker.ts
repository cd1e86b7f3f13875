// One replica of a service: it calls an API with a client-credentials token that it shares, through
// Redis, with every other replica. Configured by environment variables; prints one JSON line.
import { once } from 'node:events';
import { bearer } from '@signet/core/bearer';
import { clientCredentials } from '@signet/core/oauth2';
import { withAuth } from '@signet/fetch';
import { createRedisClient, createRedisLock, createRedisTokenStore } from '@signet/redis';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`worker: set ${name}`);
  return value;
};

const redis = createRedisClient({ url: env('REDIS_URL') });
// Give Redis a moment at start-up: until it is connected, every replica would refresh on its own
// (requests never wait for Redis; they go on with in-process coordination).
await Promise.race([once(redis, 'ready'), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
const api = withAuth(
  fetch,
  bearer(clientCredentials({ tokenEndpoint: env('TOKEN_ENDPOINT'), clientId: env('CLIENT_ID'), clientSecret: env('CLIENT_SECRET') }), {
    // One token for the whole fleet, refreshed by one replica at a time.
    store: createRedisTokenStore(redis),
    lock: createRedisLock(redis),
  }),
  { origins: new URL(env('API_URL')).origin },
);

const statuses: Record<number, number> = {};
await Promise.all(
  Array.from({ length: Number(process.env.REQUESTS ?? '10') }, async () => {
    const response = await api(env('API_URL'));
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }),
);
process.stdout.write(`${JSON.stringify({ pid: process.pid, statuses })}\n`);
redis.destroy();
