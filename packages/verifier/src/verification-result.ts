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
  | 'invalid_credentials';

/** The scheme names the verifier reports. */
export type VerifiedScheme = 'api-key' | 'basic';

/** The request was authenticated. */
export interface VerificationSuccess {
  readonly ok: true;
  readonly scheme: VerifiedScheme;
  /** Who sent it: the API key's client id, or the Basic user-id. */
  readonly identity: string;
}

/** The request was refused: answer with `status` and the `challenge` as `WWW-Authenticate`. */
export interface VerificationFailure {
  readonly ok: false;
  /** The scheme the request tried, when one could be recognized. */
  readonly scheme: VerifiedScheme | undefined;
  readonly reason: VerificationFailureReason;
  /** 401 for every failure here (RFC 9110 §15.5.2). */
  readonly status: 401;
  /** The `WWW-Authenticate` value to send back (RFC 9110 §11.6.1). */
  readonly challenge: string;
}

/** What {@link Verifier.verify} returns. Narrow on `ok`. */
export type VerificationResult = VerificationSuccess | VerificationFailure;
