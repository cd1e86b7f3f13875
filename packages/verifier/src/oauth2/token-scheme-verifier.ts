import type { JWTPayload } from 'jose';
import type { SchemeOutcome, SchemeVerifier, SchemeVerifierContext } from '../scheme-verifier.js';

/** What the token schemes get besides the request: the context, plus what TLS verified. */
export interface TokenVerifierContext extends SchemeVerifierContext {
  /** The client certificate (DER) the TLS layer verified, for RFC 8705 certificate-bound tokens. */
  readonly clientCertificate?: Uint8Array;
}

/** A token scheme's verdict: a scheme outcome plus the status, headers and claims it needs. */
export type TokenOutcome = SchemeOutcome & {
  /** The status when it is not 401: 400 (`invalid_request`), 403 (`insufficient_scope`) or 503. */
  readonly status?: 400 | 401 | 403 | 503;
  /** Headers to answer with, such as `DPoP-Nonce` (RFC 9449 §9). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The verified token's claims (on success). */
  readonly claims?: JWTPayload;
};

/** The Bearer and DPoP sides of the verifier. */
export interface TokenSchemeVerifier extends SchemeVerifier {
  verify(request: Request, context: TokenVerifierContext): Promise<TokenOutcome | undefined>;
}
