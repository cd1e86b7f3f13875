import { SignetConfigError, type Secret, secret } from '@signet/core';

/** One secret, or several valid at once (during a rotation). */
export type SecretList = string | Secret | ReadonlyArray<string | Secret>;

/** Checks an `owner → secrets` map and flattens it to pairs. Errors name the owner, never the secret. */
export function checkKeyMap(map: unknown, field: string): Array<readonly [string, Secret]> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new SignetConfigError(field, 'must be an object mapping each identity to its secret(s)');
  const pairs: Array<readonly [string, Secret]> = [];
  for (const [owner, value] of Object.entries(map)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new SignetConfigError(`${field}.${owner}`, 'must list at least one secret');
    list.forEach((item, i) => {
      const name = Array.isArray(value) ? `${field}.${owner}[${i}]` : `${field}.${owner}`;
      if ((typeof item !== 'string' || item.length === 0) && !(typeof item === 'object' && item !== null && 'reveal' in item)) {
        throw new SignetConfigError(name, 'must be a non-empty string or a Secret');
      }
      pairs.push([owner, secret(item as string | Secret)]);
    });
  }
  if (pairs.length === 0) throw new SignetConfigError(field, 'must configure at least one identity');
  return pairs;
}
