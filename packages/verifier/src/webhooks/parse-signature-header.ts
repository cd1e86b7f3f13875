/** One `version,signature` entry of a `webhook-signature` header. */
export interface SignatureEntry {
  readonly version: string;
  readonly signature: string;
}

/**
 * Splits a `webhook-signature` value into its entries (Standard Webhooks, "Webhook headers": a
 * space-delimited list of `<version>,<base64 signature>`). Entries without a comma are skipped,
 * as the reference library does; unknown versions are kept so the caller can tell "nothing we
 * can check" (only `v1a`, say) from "no valid entry at all".
 */
export function parseSignatureHeader(value: string): SignatureEntry[] {
  const entries: SignatureEntry[] = [];
  for (const item of value.split(' ')) {
    const comma = item.indexOf(',');
    if (comma <= 0 || comma === item.length - 1) continue;
    entries.push({ version: item.slice(0, comma), signature: item.slice(comma + 1) });
  }
  return entries;
}
