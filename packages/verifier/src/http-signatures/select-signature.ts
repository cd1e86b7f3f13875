import { parseDictionary, readSignatureParams, type SfInnerList, type SignatureParams } from '@signet/core/http-signatures';

/** One signature of a request, ready to verify. */
export interface SelectedSignature {
  readonly label: string;
  /** The `Signature-Input` member as parsed: the base's last line re-serializes it. */
  readonly list: SfInnerList;
  readonly params: SignatureParams;
  readonly signature: Uint8Array;
}

/**
 * Reads `Signature-Input` and `Signature` (RFC 9421 §4.1, §4.2) and picks the signature to
 * verify: the first label present in both whose `keyid` is one of `keyIds`. A message may carry
 * several signatures (a proxy may add its own); the others are ignored.
 *
 * Returns `'malformed'` when either field is not a valid dictionary, when a label's members have
 * the wrong types, or when no label is in both; `'unknown_key'` when no signature names a known key.
 */
export function selectSignature(signatureInput: string, signature: string, keyIds: ReadonlySet<string>): SelectedSignature | 'malformed' | 'unknown_key' {
  const inputs = parseDictionary(signatureInput);
  const signatures = parseDictionary(signature);
  if (inputs === undefined || signatures === undefined) return 'malformed';
  let paired = 0;
  for (const [label, input] of inputs) {
    const value = signatures.get(label);
    if (value === undefined) continue;
    paired++;
    if (input.kind !== 'inner-list' || value.kind !== 'item' || value.value.type !== 'byte-sequence') return 'malformed';
    const params = readSignatureParams(input);
    if (params === undefined) return 'malformed';
    if (params.keyid !== undefined && keyIds.has(params.keyid)) return { label, list: input, params, signature: value.value.value };
  }
  return paired === 0 ? 'malformed' : 'unknown_key';
}
