import type { Credential } from '../../credential/credential.js';
import { withHeaders } from '../../credential/signable-request.js';
import { base64, utf8 } from '../../encoding.js';
import { SignetConfigError } from '../../errors/config-error.js';
import { checkOptionsObject, checkSecretText, checkText } from '../../options/check.js';
import { Secret } from '../../secret/secret.js';

/** Options for {@link basic}. */
export interface BasicOptions {
  /** The user-id. Must not contain `:` or control characters (RFC 7617 §2). */
  username: string;
  /** The password; may be empty. Must not contain control characters (RFC 7617 §2). */
  password: string | Secret;
}

/**
 * HTTP Basic authentication (RFC 7617), always in UTF-8: user-id and password are normalized to
 * Unicode NFC and encoded as UTF-8 before base64, as RFC 7617 §2.1 specifies for `charset="UTF-8"`.
 * The header is computed once, at creation.
 *
 * @example
 * ```ts
 * basic({ username: 'Aladdin', password: 'open sesame' }); // Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
 * ```
 */
export function basic(options: BasicOptions): Credential {
  checkOptionsObject(options, 'basic(options)');
  const username = checkText(options.username, 'username').normalize('NFC');
  // RFC 7617 §2: "a user-id containing a colon character is invalid".
  if (username.includes(':')) throw new SignetConfigError('username', 'must not contain ":" (RFC 7617 §2: the colon separates user-id and password)');
  const password = checkSecretText(options.password, 'password', { allowEmpty: true }).reveal().normalize('NFC');
  const header = new Secret(`Basic ${base64(utf8(`${username}:${password}`))}`);
  return {
    scheme: 'basic',
    requiresBody: false,
    sensitiveHeaders: ['authorization'],
    sensitiveQueryParams: [],
    authorize: (request) => withHeaders(request, { authorization: header.reveal() }),
  };
}
