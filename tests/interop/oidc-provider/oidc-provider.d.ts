// The slice of oidc-provider 9's API these tests use. The package ships no types and
// @types/oidc-provider is not a dependency of tests/ (see the report); this keeps the tests
// type-checked without it.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContextWithOIDC {
    readonly path: string;
    readonly method: string;
    readonly headers: Record<string, string | undefined>;
    status: number;
    body: unknown;
    readonly oidc?: { readonly params?: Record<string, unknown> };
  }

  export interface ClientLike {
    readonly clientId: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface RefreshTokenInstance {
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    readonly issuer: string;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    readonly Client: { find(id: string): Promise<ClientLike | undefined> };
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<object | undefined>;
    };
    readonly RefreshToken: {
      new (properties: Record<string, unknown>): RefreshTokenInstance;
      find(value: string): Promise<{ readonly consumed?: number; readonly rotations?: number } | undefined>;
    };
  }

  export default Provider;
}
