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
    };

/** Receives {@link SignetEvent}s. A listener that throws does not break the request. */
export type EventListener = (event: SignetEvent) => void;
