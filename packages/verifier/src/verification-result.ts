/** Why the verifier refused a request. Stable: switch on it. */
export type VerificationFailureReason =
  /** No credential of any configured scheme was present. */
  | 'missing_credentials'
  /** A credential was present but could not be parsed (bad base64, bad UTF-8, no colon, …). */
  | 'malformed_credentials'
  /** An `Authorization` header of a scheme this verifier does not accept (`Bearer` to an API-key verifier). */
  | 'unsupported_scheme'
  /** The API key matches no key of any client. */
  | 'unknown_key'
  /** The Basic user-id and password do not match (which of the two is wrong is not said). */
  | 'invalid_credentials'
  /** The signature does not match the request as received. */
  | 'signature_mismatch'
  /** The signed timestamp is outside the tolerance window; the challenge carries the server's time. */
  | 'timestamp_skew'
  /** The nonce was already used within the tolerance window: a replay. */
  | 'nonce_replay'
  /** The replay store is full of live nonces and cannot vouch for this one (status 503). */
  | 'nonce_store_full'
  /** The body does not match its RFC 9530 Content-Digest (an HMAC body change is a `signature_mismatch`). */
  | 'digest_mismatch'
  /** A component the policy requires to be signed is not covered, or a signed one is absent. */
  | 'missing_component'
  /** The signature names an algorithm this verifier does not accept for that key. */
  | 'unsupported_algorithm'
  /** A JWT access token is past its `exp` (RFC 6750 `invalid_token`). */
  | 'token_expired'
  /** A token is not acceptable: unknown issuer, wrong `aud` or `typ`, not yet valid, or bound to another key or certificate (RFC 6750 §3.1). */
  | 'invalid_token'
  /** A valid token without a scope the resource requires (status 403, RFC 6750 §3.1). */
  | 'insufficient_scope'
  /** A DPoP proof is missing or fails a check of RFC 9449 §4.3 (`invalid_dpop_proof`). */
  | 'dpop_proof_invalid'
  /** The resource requires a DPoP nonce: retry with the one in `DPoP-Nonce` (RFC 9449 §9). */
  | 'use_dpop_nonce';

/** The scheme names the verifier reports. */
export type VerifiedScheme = 'api-key' | 'basic' | 'bearer' | 'dpop' | 'hmac' | 'http-signature' | 'oauth1' | 'webhook';

/** The request was authenticated. */
export interface VerificationSuccess {
  readonly ok: true;
  readonly scheme: VerifiedScheme;
  /** Who sent it: the API key's client id, the Basic user-id, a token's `sub`, … */
  readonly identity: string;
  /** For `bearer` and `dpop`: the verified token's claims (`scope`, `client_id`, `cnf`, …). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Headers to add to the answer (a fresh `DPoP-Nonce`, RFC 9449 §9). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The request was refused: answer with `status` and the `challenge` as `WWW-Authenticate`. */
export interface VerificationFailure {
  readonly ok: false;
  /** The scheme the request tried, when one could be recognized. */
  readonly scheme: VerifiedScheme | undefined;
  readonly reason: VerificationFailureReason;
  /**
   * 401 (RFC 9110 §15.5.2); 503 when the replay store cannot vouch for a nonce (`nonce_store_full`);
   * for tokens, 400 for a malformed `Authorization` and 403 for `insufficient_scope` (RFC 6750 §3.1).
   */
  readonly status: 400 | 401 | 403 | 503;
  /** The `WWW-Authenticate` value to send back (RFC 9110 §11.6.1). */
  readonly challenge: string;
  /** Headers to add to the answer besides the challenge (`DPoP-Nonce` with `use_dpop_nonce`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What {@link Verifier.verify} returns. Narrow on `ok`. */
export type VerificationResult = VerificationSuccess | VerificationFailure;
