import { checkSecretText, Secret, SignetConfigError } from '@signet/core';

/** One secret, or several valid at once (during a rotation). */
export type SecretList = string | Secret | ReadonlyArray<string | Secret>;

/**
 * Checks an `owner → secrets` map and flattens it to pairs. Each secret must be non-empty and free
 * of control characters, as on the client side. Errors name the owner, never the secret.
 */
export function checkKeyMap(map: unknown, field: string): Array<readonly [string, Secret]> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new SignetConfigError(field, 'must be an object mapping each identity to its secret(s)');
  const pairs: Array<readonly [string, Secret]> = [];
  for (const [owner, value] of Object.entries(map)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new SignetConfigError(`${field}.${owner}`, 'must list at least one secret');
    list.forEach((item, i) => {
      const name = Array.isArray(value) ? `${field}.${owner}[${i}]` : `${field}.${owner}`;
      pairs.push([owner, checkSecretText(fromOtherCopy(item), name)]);
    });
  }
  if (pairs.length === 0) throw new SignetConfigError(field, 'must configure at least one identity');
  return pairs;
}

// A Secret made by another copy of @signet/core (an ESM and a CJS copy both loaded) is not an
// instance of ours; take its value rather than refuse it.
function fromOtherCopy(item: unknown): unknown {
  if (item instanceof Secret || typeof item !== 'object' || item === null) return item;
  const reveal = (item as { reveal?: unknown }).reveal;
  return typeof reveal === 'function' ? new Secret(String(reveal.call(item))) : item;
}
