import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-connection.js';

/** A Lua script, run with EVALSHA and sent in full only when Redis does not have it. */
export interface RedisScript {
  run(client: RedisConnection, keys: readonly string[], args: readonly string[], timeout: number): Promise<unknown>;
}

/**
 * Defines a Lua script. Redis runs a script atomically (no other command interleaves), which is
 * what makes compare-and-swap and owner-checked release single steps. EVALSHA sends only the
 * digest; after a restart or SCRIPT FLUSH Redis answers NOSCRIPT and the script is sent once in
 * full with EVAL, which also caches it again.
 */
export function defineScript(source: string): RedisScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(client, keys, args, timeout) {
      const tail = [String(keys.length), ...keys, ...args];
      try {
        return await client.sendCommand(['EVALSHA', sha, ...tail], { timeout });
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return client.sendCommand(['EVAL', source, ...tail], { timeout });
      }
    },
  };
}
