import type { TokenSet } from '../token-set.js';
import { tokenSetFromJSON, type TokenSetJSON } from '../token-set-json.js';

/**
 * One key's state in a tab. `version` orders writes across tabs (a Lamport clock: each write
 * takes one more than the highest version seen, ties broken by the writer's id), so every tab
 * converges on the same record whatever order messages arrive in. `generation` is the store
 * contract's compare-and-swap counter; a deletion keeps its version (a tombstone) so a late
 * message cannot bring the deleted tokens back.
 */
export interface TabEntry {
  readonly generation: number;
  readonly version: number;
  readonly writer: string;
  readonly tokens: TokenSet | undefined;
}

/** A {@link TabEntry} as plain data. */
export interface WireEntry {
  readonly generation: number;
  readonly version: number;
  readonly writer: string;
  readonly tokens: TokenSetJSON | null;
}

/** What tabs say to each other on the channel. */
export type TabsMessage =
  /** A write (or a deletion); every live member acknowledges it. */
  | { readonly kind: 'record'; readonly id: string; readonly from: string; readonly key: string; readonly entry: WireEntry }
  | { readonly kind: 'ack'; readonly id: string; readonly from: string; readonly to: string }
  /** A new member asks for everything; each member answers with `state`. */
  | { readonly kind: 'sync'; readonly id: string; readonly from: string }
  | { readonly kind: 'state'; readonly id: string; readonly from: string; readonly to: string; readonly entries: readonly (readonly [string, WireEntry])[] };

/** True when `a` was written after `b`. */
export function isNewer(a: TabEntry, b: TabEntry | undefined): boolean {
  return b === undefined || a.version > b.version || (a.version === b.version && a.writer > b.writer);
}

/** A wire entry back to a tab entry, or `undefined` if malformed (ignored, never trusted). */
export function fromWireEntry(value: unknown): TabEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const wire = value as Record<string, unknown>;
  const { generation, version, writer } = wire;
  if (!Number.isSafeInteger(generation) || !Number.isSafeInteger(version) || typeof writer !== 'string') return undefined;
  let tokens: TokenSet | undefined;
  try {
    tokens = wire.tokens === null ? undefined : tokenSetFromJSON(wire.tokens);
  } catch {
    return undefined;
  }
  return { generation: generation as number, version: version as number, writer, tokens };
}

/** A message as received, or `undefined` if it is not one of ours. */
export function readTabsMessage(data: unknown): TabsMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (typeof message.id !== 'string' || typeof message.from !== 'string') return undefined;
  switch (message.kind) {
    case 'record':
      return typeof message.key === 'string' ? (message as TabsMessage) : undefined;
    case 'ack':
    case 'state':
      return typeof message.to === 'string' ? (message as TabsMessage) : undefined;
    case 'sync':
      return message as TabsMessage;
    default:
      return undefined;
  }
}
