import type { BareItem, SfInnerList, SfItem } from './structured-field.js';

/**
 * The signature parameters of RFC 9421 §2.3: the covered components, in order, and the
 * registered metadata. Times are integer seconds since the epoch.
 */
export interface SignatureParams {
  readonly components: readonly string[];
  readonly created?: number;
  readonly expires?: number;
  readonly nonce?: string;
  readonly keyid?: string;
  readonly alg?: string;
  readonly tag?: string;
}

const NUMERIC = ['created', 'expires'] as const;
const TEXT = ['keyid', 'nonce', 'alg', 'tag'] as const;

/**
 * The inner list that `Signature-Input` carries and `@signature-params` serializes
 * (RFC 9421 §2.3), parameters in a fixed order: created, expires, keyid, nonce, alg, tag.
 *
 * @example
 * ```ts
 * serializeInnerList(signatureParamsList({ components: ['@method'], created: 1618884473, keyid: 'k' }));
 * // '("@method");created=1618884473;keyid="k"'
 * ```
 */
export function signatureParamsList(params: SignatureParams): SfInnerList {
  const items: SfItem[] = params.components.map((name) => ({ kind: 'item', value: { type: 'string', value: name }, params: new Map() }));
  const list = new Map<string, BareItem>();
  for (const key of NUMERIC) {
    const value = params[key];
    if (value !== undefined) list.set(key, { type: 'integer', value });
  }
  for (const key of TEXT) {
    const value = params[key];
    if (value !== undefined) list.set(key, { type: 'string', value });
  }
  return { kind: 'inner-list', items, params: list };
}

/**
 * Reads the signature parameters from a received `Signature-Input` member. Returns `undefined`
 * when they are not what RFC 9421 §2.3 defines: covered components must be strings (component
 * parameters such as `;sf` or `;req` are not supported), `created`/`expires` integers, and
 * `keyid`/`nonce`/`alg`/`tag` strings. Other parameters are kept in the list (they are signed)
 * but not interpreted.
 */
export function readSignatureParams(list: SfInnerList): SignatureParams | undefined {
  const components: string[] = [];
  for (const item of list.items) {
    if (item.value.type !== 'string' || item.params.size > 0) return undefined;
    components.push(item.value.value);
  }
  const read: { -readonly [K in keyof SignatureParams]: SignatureParams[K] } = { components };
  for (const key of NUMERIC) {
    const value = list.params.get(key);
    if (value === undefined) continue;
    if (value.type !== 'integer') return undefined;
    read[key] = value.value;
  }
  for (const key of TEXT) {
    const value = list.params.get(key);
    if (value === undefined) continue;
    if (value.type !== 'string') return undefined;
    read[key] = value.value;
  }
  return read;
}
