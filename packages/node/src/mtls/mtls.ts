import type { Agent as HttpsAgent, AgentOptions } from 'node:https';
import { checkOptionsObject, checkPositiveInteger, createOriginPolicy, type Credential, type EventListener, SignetConfigError } from '@signet/core';
import type { Dispatcher } from 'undici';
import { createCertificateHolder } from './certificate-holder.js';
import type { CertificateInfo } from './certificate-info.js';
import { loadCertificate, type LoadedCertificate } from './load-certificate.js';
import { MtlsDispatcher } from './mtls-dispatcher.js';
import { MtlsHttpsAgent } from './mtls-https-agent.js';
import type { MtlsLoader, MtlsMaterial, PemMaterial, PfxMaterial } from './mtls-material.js';
import { createMtlsUndiciAgent } from './mtls-undici-agent.js';

/** Options every {@link mtls} client takes, whatever the source of its certificate. */
export interface MtlsCommonOptions {
  /**
   * The origins the certificate is presented to (`"https://api.example.com"`). A connection to
   * any other origin through these agents gets no client certificate, only the `ca` trust.
   */
  origins: string | readonly string[];
  /** The clock for the expiry checks, in milliseconds (default `Date.now`). */
  now?: () => number;
  /** How long before `notAfter` to emit `certificate.expiring` (default 14 days). */
  expiryWarningMs?: number;
  /** Receives `certificate.expiring` and `certificate.reloaded`. Never carries key material. */
  onEvent?: EventListener;
  /** Extra `node:https` agent options (`keepAlive`, `maxSockets`, …). TLS material here is ignored. */
  httpsAgentOptions?: AgentOptions;
}

/** Options for {@link mtls}: inline PEM, inline PKCS#12, or a loader (files, a vault) for rotation. */
export type MtlsOptions = MtlsCommonOptions & (PemMaterial | PfxMaterial | { load: MtlsLoader });

/** A client certificate as a credential, with the agents that present it. */
export interface MtlsCredential extends Credential {
  readonly scheme: 'mtls';
  /** For `undici.request`, undici's `fetch`, and Node's global `fetch` (`{ dispatcher }`). */
  readonly dispatcher: Dispatcher;
  /** For `node:https` (`{ agent }`) and axios (`{ httpsAgent }`). */
  readonly httpsAgent: HttpsAgent;
  /** Loads the certificate again (from the loader); the next new connection uses it. */
  reload(): Promise<CertificateInfo>;
  /** The certificate in use, checked against the clock now. */
  certificate(): Promise<CertificateInfo>;
  /** Closes both agents' connections. */
  close(): Promise<void>;
}

const DEFAULT_EXPIRY_WARNING_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Mutual TLS (RFC 8446 §4.4.2, RFC 8705): a client certificate presented during the handshake.
 * It acts on connections, not on requests, so it is a credential whose `authorize` attaches
 * nothing (it only checks the certificate is usable) plus two agents that present it. Combine it
 * with a request credential (`combine(client, bearer(…))`) and send through its agents.
 *
 * Inline material is checked now (`certificate_invalid`, `certificate_expired`); a loader runs at
 * creation and on every `reload()`, and its errors surface on first use and from `reload()`.
 *
 * @example
 * ```ts
 * const client = mtls({ cert, key, ca, origins: 'https://api.example.com' });
 * await fetch('https://api.example.com/v1', { dispatcher: client.dispatcher });
 * ```
 */
export function mtls(options: MtlsOptions): MtlsCredential {
  checkOptionsObject(options, 'mtls(options)');
  const origins = createOriginPolicy({ origins: options.origins });
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new SignetConfigError('now', 'must be a function returning milliseconds');
  const expiryWarningMs = options.expiryWarningMs === undefined ? DEFAULT_EXPIRY_WARNING_MS : checkPositiveInteger(options.expiryWarningMs, 'expiryWarningMs', { allowZero: true });
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw new SignetConfigError('onEvent', 'must be a function');

  let load: MtlsLoader;
  let initial: LoadedCertificate | undefined;
  if ('load' in options && options.load !== undefined) {
    if (typeof options.load !== 'function') throw new SignetConfigError('load', 'must be a function returning the certificate material');
    load = options.load;
  } else {
    const material = pickMaterial(options as MtlsMaterial);
    // Inline material fails here, at creation, not on the first request.
    initial = loadCertificate(material, now());
    load = () => material;
  }

  let dispatcher: MtlsDispatcher;
  let httpsAgent: MtlsHttpsAgent;
  const presentTo = (url: URL): boolean => origins.allows(url);
  const holder = createCertificateHolder({
    load,
    initial,
    now,
    expiryWarningMs,
    onEvent: options.onEvent,
    onRotate: () => {
      dispatcher.rotate();
      httpsAgent.rotate();
    },
  });
  dispatcher = new MtlsDispatcher(() => createMtlsUndiciAgent(holder, presentTo));
  httpsAgent = new MtlsHttpsAgent(holder, presentTo, options.httpsAgentOptions);
  if (initial !== undefined) holder.useLoaded(initial);

  const warnedContexts = new WeakSet<LoadedCertificate>();
  return {
    scheme: 'mtls',
    requiresBody: false,
    // The proof is the TLS handshake: no header or query parameter to strip on a redirect.
    sensitiveHeaders: [],
    sensitiveQueryParams: [],
    async authorize(request, context) {
      // Fails with certificate_expired before anything is sent, and tells the send loop's
      // listener (once per certificate) that the certificate is about to expire.
      const loaded = await holder.use();
      const at = now();
      if (at >= loaded.notAfterMs - expiryWarningMs && !warnedContexts.has(loaded)) {
        warnedContexts.add(loaded);
        context.emit({ type: 'certificate.expiring', subject: loaded.info.subject, notAfter: loaded.info.notAfter, expiresInMs: loaded.notAfterMs - at });
      }
      return request;
    },
    dispatcher,
    httpsAgent,
    reload: () => holder.reload(),
    certificate: async () => (await holder.use()).info,
    async close() {
      httpsAgent.destroy();
      await dispatcher.close();
    },
  };
}

// Only the TLS fields: the options object also holds origins, callbacks and agent options.
function pickMaterial(options: MtlsMaterial): MtlsMaterial {
  if ('pfx' in options && options.pfx !== undefined) {
    if ('cert' in options || 'key' in options) throw new SignetConfigError('pfx', 'give either pfx or cert and key, not both');
    return { pfx: options.pfx, passphrase: options.passphrase, ca: options.ca };
  }
  const pem = options as PemMaterial;
  if (pem.cert === undefined) throw new SignetConfigError('cert', 'is required (or pass pfx, or load)');
  if (pem.key === undefined) throw new SignetConfigError('key', 'is required with cert');
  return { cert: pem.cert, key: pem.key, passphrase: pem.passphrase, ca: pem.ca };
}
