// The RFC 8941 (Structured Field Values for HTTP) data model, as far as RFC 9421 and RFC 9530
// use it: dictionaries whose members are items or inner lists, each with parameters.

/** A bare item (RFC 8941 §3.3). Strings and tokens stay apart: they serialize differently. */
export type BareItem =
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'decimal'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'token'; readonly value: string }
  | { readonly type: 'byte-sequence'; readonly value: Uint8Array }
  | { readonly type: 'boolean'; readonly value: boolean };

/** Parameters (RFC 8941 §3.1.2): ordered, keys unique. */
export type SfParameters = ReadonlyMap<string, BareItem>;

/** An item with its parameters (RFC 8941 §3.3). */
export interface SfItem {
  readonly kind: 'item';
  readonly value: BareItem;
  readonly params: SfParameters;
}

/** An inner list with its parameters (RFC 8941 §3.1.1), such as a signature's covered components. */
export interface SfInnerList {
  readonly kind: 'inner-list';
  readonly items: readonly SfItem[];
  readonly params: SfParameters;
}

/** A dictionary (RFC 8941 §3.2): ordered members, keys unique. `Signature-Input`, `Signature` and `Content-Digest` are dictionaries. */
export type SfDictionary = ReadonlyMap<string, SfItem | SfInnerList>;
