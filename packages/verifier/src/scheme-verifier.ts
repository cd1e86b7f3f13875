import type { SignetCrypto } from '@signet/core';
import type { VerificationFailureReason, VerifiedScheme } from './verification-result.js';

/** What a scheme verifier gets besides the request. */
export interface SchemeVerifierContext {
  /** The verifier's time, in milliseconds (injectable for tests). */
  now(): number;
  readonly crypto: SignetCrypto;
  /** The request body's exact bytes, read once (from a clone) and shared by every scheme. */
  body(): Promise<Uint8Array>;
}

/** A scheme's verdict on a request that carried its credential. */
export type SchemeOutcome =
  | { readonly ok: true; readonly identity: string }
  | {
      readonly ok: false;
      readonly reason: VerificationFailureReason;
      /**
       * Extra auth-params for this scheme's challenge (RFC 9110 §11.6.1), already formatted, such
       * as `error="timestamp_skew", server_time="1700000000"`. Never a secret.
       */
      readonly challengeParams?: string;
    };

/**
 * One scheme's side of the verifier. `createVerifier` asks each configured scheme in turn;
 * the first that finds its credential in the request decides.
 */
export interface SchemeVerifier {
  readonly scheme: VerifiedScheme;
  /** This scheme's `WWW-Authenticate` challenge, without extra params: `Basic realm="signet", charset="UTF-8"`. */
  readonly challenge: string;
  /** `undefined` when the request carries no credential of this scheme; otherwise the verdict. */
  verify(request: Request, context: SchemeVerifierContext): Promise<SchemeOutcome | undefined>;
}
