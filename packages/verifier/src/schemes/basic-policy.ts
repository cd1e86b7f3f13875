import type { Secret } from '@signet/core';
import { checkKeyMap, type SecretList } from './secret-list.js';

/** How the verifier accepts HTTP Basic (RFC 7617). */
export interface BasicPolicy {
  /** User-id → that user's valid password(s). */
  users: Readonly<Record<string, SecretList>>;
}

/** Checks a {@link BasicPolicy}; user-ids are NFC-normalized like the client does (RFC 7617 §2.1). */
export function compileBasicPolicy(policy: BasicPolicy): Array<readonly [string, Secret]> {
  return checkKeyMap(policy.users, 'basic.users').map(([user, password]) => [user.normalize('NFC'), password] as const);
}
