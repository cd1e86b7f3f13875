import type { ClientRequestArgs } from 'node:http';
import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import type { SecureContext } from 'node:tls';
import type { CertificateHolder } from './certificate-holder.js';
import type { LoadedCertificate } from './load-certificate.js';

type Callback = (error: Error | null, stream: Duplex) => void;

/**
 * A `node:https` agent (also axios's `httpsAgent`) that presents the current client certificate
 * on each new connection, through the documented `Agent` extension points: `createConnection`
 * builds each TLS socket on the current secure context, `getName` keys pooled sockets and TLS
 * sessions by certificate generation (a resumed session would keep the old identity), and
 * `keepSocketAlive` retires sockets of an older generation once their request is done.
 */
export class MtlsHttpsAgent extends Agent {
  readonly #holder: CertificateHolder;
  readonly #presentTo: (url: URL) => boolean;
  readonly #generationOf = new WeakMap<Duplex, number>();

  constructor(holder: CertificateHolder, presentTo: (url: URL) => boolean, options: AgentOptions = {}) {
    super({ keepAlive: true, ...options });
    this.#holder = holder;
    this.#presentTo = presentTo;
  }

  override getName(options?: ClientRequestArgs): string {
    return `${super.getName(options)}:mtls-${this.#holder.generation}`;
  }

  override createConnection(options: ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    const generation = this.#holder.generation;
    const connect = (loaded: LoadedCertificate): Duplex => {
      const secureContext: SecureContext = this.#presentTo(originOf(options)) ? loaded.secureContext : loaded.anonymousContext;
      const socket = super.createConnection({ ...options, secureContext } as ClientRequestArgs)!;
      this.#generationOf.set(socket, generation);
      return socket;
    };
    const loaded = this.#holder.peek();
    if (loaded !== undefined) {
      // Checked synchronously: an expired certificate fails here with `certificate_expired`,
      // before a byte is sent; the agent reports it as the request's 'error'.
      try {
        return connect(this.#holder.useLoaded(loaded));
      } catch (error) {
        callback?.(error as Error, undefined as never);
        return undefined;
      }
    }
    // The first load (from a loader) is still pending: hand the socket over when it is ready.
    this.#holder.use().then(
      (ready) => callback?.(null, connect(ready)),
      (error: Error) => callback?.(error, undefined as never),
    );
    return undefined;
  }

  override keepSocketAlive(socket: Duplex): void {
    if (this.#generationOf.get(socket) !== this.#holder.generation) return false as never;
    return super.keepSocketAlive(socket);
  }

  /** Called after a rotation: idle sockets of the old certificate are closed now. */
  rotate(): void {
    for (const sockets of Object.values(this.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  }
}

function originOf(options: ClientRequestArgs): URL {
  const host = options.host ?? options.hostname ?? 'localhost';
  return new URL(`https://${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`);
}
