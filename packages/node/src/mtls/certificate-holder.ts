import type { EventListener } from '@signet/core';
import type { CertificateInfo } from './certificate-info.js';
import { checkValidity, loadCertificate, type LoadedCertificate } from './load-certificate.js';
import type { MtlsLoader } from './mtls-material.js';

/** Options for {@link createCertificateHolder}. */
export interface CertificateHolderOptions {
  load: MtlsLoader;
  /** Already loaded (inline material is checked synchronously, at creation). */
  initial: LoadedCertificate | undefined;
  now: () => number;
  expiryWarningMs: number;
  onEvent: EventListener | undefined;
  /** Called after a reload succeeded, so the agents can move new connections to it. */
  onRotate: () => void;
}

/** The current client certificate, its rotation, and its expiry checks. */
export interface CertificateHolder {
  /** The current certificate, checked against the clock now (throws `certificate_expired`). */
  use(): Promise<LoadedCertificate>;
  /** The current certificate if one has loaded, unchecked; for synchronous paths. */
  peek(): LoadedCertificate | undefined;
  /** Same as {@link use} but synchronous, for a certificate already loaded. */
  useLoaded(loaded: LoadedCertificate): LoadedCertificate;
  reload(): Promise<CertificateInfo>;
  /** Bumped by every successful reload: connections and sessions of an older generation are not reused. */
  readonly generation: number;
}

/**
 * Holds the certificate: loads it at creation, again on `reload()`, and checks it on every use.
 * A reload that fails keeps the previous certificate in service (a half-written file must not take
 * a working client down) and rejects with the typed error.
 */
export function createCertificateHolder(options: CertificateHolderOptions): CertificateHolder {
  const { now, expiryWarningMs, onEvent } = options;
  const warned = new WeakSet<LoadedCertificate>();
  let generation = 0;
  let current: LoadedCertificate | undefined = options.initial;
  let lastFailure: unknown;
  const emit: EventListener = (event) => {
    try {
      onEvent?.(event);
    } catch {
      // A listener that throws does not break the connection (docs/concepts.md#events).
    }
  };

  const loadOnce = async (): Promise<LoadedCertificate> => loadCertificate(await options.load(), now());
  let first: Promise<LoadedCertificate> | undefined =
    current === undefined
      ? loadOnce().then((loaded) => {
          current ??= loaded;
          return loaded;
        })
      : undefined;
  // The failure is reported on first use, not as an unhandled rejection at creation.
  first?.catch(() => undefined);

  function useLoaded(loaded: LoadedCertificate): LoadedCertificate {
    const at = now();
    checkValidity(loaded, at);
    if (at >= loaded.notAfterMs - expiryWarningMs && !warned.has(loaded)) {
      warned.add(loaded);
      emit({ type: 'certificate.expiring', subject: loaded.info.subject, notAfter: loaded.info.notAfter, expiresInMs: loaded.notAfterMs - at });
    }
    return loaded;
  }

  return {
    get generation() {
      return generation;
    },
    peek: () => current,
    useLoaded,
    async use() {
      if (current === undefined) {
        // Only the first load can be pending; once it failed, every use reports why.
        await (first ?? Promise.reject(lastFailure));
      }
      return useLoaded(current!);
    },
    async reload() {
      await first?.catch(() => undefined);
      first = undefined;
      let loaded: LoadedCertificate;
      try {
        loaded = await loadOnce();
      } catch (error) {
        lastFailure = error;
        throw error;
      }
      current = loaded;
      generation += 1;
      options.onRotate();
      emit({ type: 'certificate.reloaded', subject: loaded.info.subject, notAfter: loaded.info.notAfter });
      useLoaded(loaded);
      return loaded.info;
    },
  };
}
