import { checkOptionsObject, Secret, SignetConfigError } from '@signet/core';
import { checkKeyMap, type SecretList } from './secret-list.js';

/** How the verifier accepts HTTP Basic (RFC 7617). */
export interface BasicPolicy {
  /** User-id → that user's valid password(s). */
  users: Readonly<Record<string, SecretList>>;
}

/**
 * Checks a {@link BasicPolicy}. User-ids and passwords are NFC-normalized, as the client and the
 * decoder do (RFC 7617 §2.1), so the same text in either Unicode form matches.
 */
export function compileBasicPolicy(policy: BasicPolicy): Array<readonly [string, Secret]> {
  checkOptionsObject(policy, 'basic');
  return checkKeyMap(policy.users, 'basic.users').map(([user, password]) => {
    // RFC 7617 §2: a user-id with a colon could never be sent.
    if (user.includes(':')) throw new SignetConfigError(`basic.users.${user}`, 'a user-id must not contain ":" (RFC 7617 §2)');
    return [user.normalize('NFC'), new Secret(password.reveal().normalize('NFC'))] as const;
  });
}
