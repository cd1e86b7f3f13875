/**
 * What Signet tells an `onEvent` listener. Events are for logs and metrics: they carry no
 * secret, no token material, and URLs only in redacted form (query values hidden).
 */
export type SignetEvent =
  | {
      /** A request went to an origin the credential is not configured for, so it was sent without credentials. */
      readonly type: 'credentials.withheld';
      readonly scheme: string;
      readonly url: string;
      readonly reason: 'origin_not_allowed' | 'redirected_off_origin';
    }
  | {
      /** A redirect was followed; `authorized` says whether the next hop carried credentials. */
      readonly type: 'redirect.followed';
      readonly status: number;
      readonly from: string;
      readonly to: string;
      readonly authorized: boolean;
    }
  | {
      /** A credential asked for one re-send (for example after a refresh). */
      readonly type: 'auth.retry';
      readonly scheme: string;
      readonly status: number;
    }
  | {
      /** The learned server-time offset changed. */
      readonly type: 'clock.adjusted';
      readonly offsetMs: number;
    }
  | {
      /** A 429 or 503 (or a network failure of an idempotent request) will be sent again after `delayMs`. */
      readonly type: 'request.retry';
      readonly status: number | undefined;
      readonly attempt: number;
      readonly delayMs: number;
    }
  | {
      /** A token refresh began. `reason`: none yet or expired, inside the proactive window, or a 401 for the current token. */
      readonly type: 'token.refresh.started';
      readonly source: string;
      readonly reason: 'missing' | 'expired' | 'proactive' | 'rejected';
    }
  | {
      /** A caller needed a token while a refresh was in flight and waits for that one instead of starting another. */
      readonly type: 'token.refresh.coalesced';
      readonly source: string;
    }
  | {
      /** A refresh produced a token (`rotated`: it came with a new refresh token); or another holder's newer token was adopted. */
      readonly type: 'token.refresh.succeeded';
      readonly source: string;
      readonly rotated: boolean;
      readonly adopted: boolean;
      readonly expiresInMs: number | undefined;
    }
  | {
      /**
       * A refresh that had started was overtaken by a sign-in or sign-out (`set()`, `clear()`): it
       * stopped, and whatever it fetched was not kept. Its callers got the new session's tokens, or
       * `session_ended` after a sign-out. Every `token.refresh.started` ends in one of
       * `succeeded`, a final `failed`, `token.session.ended`, or this.
       */
      readonly type: 'token.refresh.abandoned';
      readonly source: string;
    }
  | {
      /** A refresh attempt failed. `transient` failures are retried (bounded) and never end the session. */
      readonly type: 'token.refresh.failed';
      readonly source: string;
      readonly transient: boolean;
      readonly attempt: number;
      /** The OAuth error code (`invalid_grant`) or the kind of failure (`network`, `http_503`); never a token. */
      readonly reason: string;
    }
  | {
      /** The authorization server refused the grant for good: the stored tokens are dropped. */
      readonly type: 'token.session.ended';
      readonly source: string;
      readonly reason: string;
    }
  | {
      /** A shared store or lock (Redis, another tab) could not be reached; coordination is in-process until it returns. */
      readonly type: 'coordination.degraded';
      readonly store: string;
      readonly reason: string;
    }
  | {
      /** The shared store or lock is reachable again. */
      readonly type: 'coordination.restored';
      readonly store: string;
    }
  | {
      /** A client certificate expires within the warning window (read from its notAfter). */
      readonly type: 'certificate.expiring';
      readonly subject: string;
      readonly notAfter: string;
      readonly expiresInMs: number;
    }
  | {
      /** A client certificate was loaded again (rotation); new connections use it. */
      readonly type: 'certificate.reloaded';
      readonly subject: string;
      readonly notAfter: string;
    };

/** Receives {@link SignetEvent}s. A listener that throws does not break the request. */
export type EventListener = (event: SignetEvent) => void;
