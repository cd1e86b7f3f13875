import { checkOptionsObject, checkPositiveInteger, SignetConfigError } from '@signet/core';
import type { RedisConnection, RedisKeyOptions } from './redis-connection.js';

/** The checked options every Redis-backed component starts from. */
export interface CheckedRedisOptions {
  readonly prefix: string;
  readonly commandTimeoutMs: number;
}

const DEFAULT_PREFIX = 'signet:';
const DEFAULT_COMMAND_TIMEOUT_MS = 1000;

/**
 * Checks the client (a wrong type is a programmer error: `TypeError`) and the shared options
 * (`SignetConfigError` naming the field).
 */
export function checkRedisOptions(factory: string, client: unknown, options: RedisKeyOptions): CheckedRedisOptions {
  if (typeof client !== 'object' || client === null || typeof (client as RedisConnection).sendCommand !== 'function') {
    throw new TypeError(`${factory}: the first argument must be a node-redis client (an object with sendCommand)`);
  }
  checkOptionsObject(options, 'options');
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  if (typeof prefix !== 'string') throw new SignetConfigError('prefix', 'must be a string');
  const commandTimeoutMs = options.commandTimeoutMs === undefined ? DEFAULT_COMMAND_TIMEOUT_MS : checkPositiveInteger(options.commandTimeoutMs, 'commandTimeoutMs');
  return { prefix, commandTimeoutMs };
}
