import type { AuthContext } from '../credential/auth-context.js';
import { base64 } from '../encoding.js';
import { SignetConfigError } from '../errors/config-error.js';
import { checkSecretText, checkText } from '../options/check.js';
import type { Secret } from '../secret/secret.js';
import type { JwtAlgorithm } from '../schemes/jwt/jwt-algorithm.js';
import type { JwtKey } from '../schemes/jwt/jwt-signing-key.js';

/** How a client proves itself to the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2, OIDC Core §9). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

/** The client, as every grant takes it. */
export interface ClientOptions {
  clientId: string;
  /** For `client_secret_basic` (the default with a secret) and `client_secret_post`. */
  clientSecret?: string | Secret;
  /** For `private_key_jwt` (the default with a key): the client's private key. */
  privateKey?: JwtKey;
  /** The assertion's algorithm for `private_key_jwt` (default ES256). */
  privateKeyAlgorithm?: JwtAlgorithm;
  /** The `kid` of the private key, so the server picks the right key from the client's JWKS. */
  privateKeyId?: string;
  /** Default: `client_secret_basic` with a secret, `private_key_jwt` with a key, `none` (a public client) otherwise. */
  authMethod?: ClientAuthMethod;
}

/** Adds the client's authentication to a token request's headers and form. */
export type ClientAuthentication = (headers: Headers, form: URLSearchParams, tokenEndpoint: URL, context: AuthContext) => Promise<void>;

/**
 * Checks the client options and returns how to authenticate. A `private_key_jwt` assertion is
 * minted per request (a server may refuse a `jti` it has seen), with `iat`/`exp` on the learned clock.
 */
export function clientAuthentication(options: ClientOptions): ClientAuthentication {
  const clientId = checkText(options.clientId, 'clientId');
  const method = options.authMethod ?? (options.clientSecret !== undefined ? 'client_secret_basic' : options.privateKey !== undefined ? 'private_key_jwt' : 'none');
  switch (method) {
    case 'client_secret_basic': {
      const clientSecret = checkSecretText(options.clientSecret, 'clientSecret');
      // RFC 6749 §2.3.1: id and secret are form-urlencoded (Appendix B) before Basic's base64.
      const header = `Basic ${base64(new TextEncoder().encode(`${formEncode(clientId)}:${formEncode(clientSecret.reveal())}`))}`;
      return async (headers) => headers.set('authorization', header);
    }
    case 'client_secret_post': {
      const clientSecret = checkSecretText(options.clientSecret, 'clientSecret');
      return async (_headers, form) => {
        form.set('client_id', clientId);
        form.set('client_secret', clientSecret.reveal());
      };
    }
    case 'private_key_jwt': {
      if (options.privateKey === undefined) throw new SignetConfigError('privateKey', 'is required for private_key_jwt');
      const { privateKey, privateKeyAlgorithm = 'ES256', privateKeyId } = options;
      return async (_headers, form, tokenEndpoint, context) => {
        // Loaded on first use, so a client that never uses private_key_jwt never loads jose.
        const { createClientAssertion } = await import('../schemes/jwt/create-client-assertion.js');
        const params = await createClientAssertion({ clientId, tokenEndpoint, algorithm: privateKeyAlgorithm, key: privateKey, ...(privateKeyId === undefined ? {} : { keyId: privateKeyId }) }, context);
        form.set('client_id', clientId);
        form.set('client_assertion_type', params.client_assertion_type);
        form.set('client_assertion', params.client_assertion);
      };
    }
    case 'none':
      return async (_headers, form) => form.set('client_id', clientId);
    default:
      throw new SignetConfigError('authMethod', 'must be client_secret_basic, client_secret_post, private_key_jwt or none');
  }
}

// application/x-www-form-urlencoded, as URLSearchParams serializes it (space as "+").
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
