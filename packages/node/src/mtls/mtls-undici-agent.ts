import type { SecureContext } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import type { CertificateHolder } from './certificate-holder.js';
import type { LoadedCertificate } from './load-certificate.js';

/**
 * An undici `Agent` whose `connect` builds each TLS socket on the current secure context, so
 * the certificate is read when a connection opens, not when the agent was made. Connectors (and
 * their TLS session caches) are per agent, and a rotation makes a new agent.
 */
export function createMtlsUndiciAgent(holder: CertificateHolder, presentTo: (url: URL) => boolean): Agent {
  const connectors = new WeakMap<SecureContext, buildConnector.connector>();
  const connectorFor = (secureContext: SecureContext): buildConnector.connector => {
    let connector = connectors.get(secureContext);
    if (connector === undefined) {
      connector = buildConnector({ secureContext });
      connectors.set(secureContext, connector);
    }
    return connector;
  };
  return new Agent({
    connect(options, callback) {
      const open = (loaded: LoadedCertificate): void => {
        const origin = new URL(`${options.protocol}//${options.hostname}${options.port ? `:${options.port}` : ''}`);
        connectorFor(presentTo(origin) ? loaded.secureContext : loaded.anonymousContext)(options, callback);
      };
      const loaded = holder.peek();
      if (loaded === undefined) {
        holder.use().then(open, (error: Error) => callback(error, null));
        return;
      }
      let checked: LoadedCertificate;
      try {
        // An expired certificate fails here, before the connection is opened.
        checked = holder.useLoaded(loaded);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
      open(checked);
    },
  });
}
